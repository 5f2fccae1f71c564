"""The domain rule: while a site is open, does a message describe another business?

"A florist in Bristol" typed into a conversation where "Lisbon Bakery" was open was read as a
refinement of the bakery ("Sorry, I didn't catch what you'd like to change"), and a /publish
after it published the bakery.
"""

from __future__ import annotations

import pytest

from bots.offline import generate_site
from core.new_business import MessageIntent, read_against_site

BAKERY_EN = "a bakery in Lisbon"
BAKERY_PT = "Uma padaria artesanal em Lisboa, com menu, horário e contacto"
BAKERY_BR = "Uma padaria artesanal em Curitiba, com cardápio, horário e contato"


@pytest.mark.parametrize(
    ("opened_with", "message", "intent"),
    [
        # another business: a business in a place that contradicts the open one
        (BAKERY_EN, "A florist in Bristol", "another_business"),
        (BAKERY_PT, "A florist in Bristol", "another_business"),
        (BAKERY_EN, "a bakery in Porto", "another_business"),
        (BAKERY_EN, "an Italian restaurant in Lisbon", "another_business"),
        (BAKERY_EN, "A yoga studio called Lotus in Lisbon", "another_business"),
        (BAKERY_EN, 'A bakery called "Golden Crust" in Lisbon', "another_business"),
        (BAKERY_PT, "Uma escola de surf na Ericeira", "another_business"),
        (BAKERY_PT, "Una peluquería en Valencia", "another_business"),
        (BAKERY_BR, "Uma floricultura em Belo Horizonte", "another_business"),
        (BAKERY_BR, "uma padaria em São Paulo", "another_business"),
        (BAKERY_BR, "uma pizzaria em Curitiba", "another_business"),
        # the open business again, asking for nothing: say which site is open
        (BAKERY_EN, "a bakery in Lisbon", "same_business"),
        (BAKERY_EN, "uma padaria em Lisboa", "same_business"),
        (BAKERY_PT, "uma padaria em Lisboa", "same_business"),
        (BAKERY_PT, "a bakery in Lisbon", "same_business"),
        (BAKERY_BR, "uma padaria em Curitiba", "same_business"),
        # changes to the open site, whatever business words they carry
        (BAKERY_PT, BAKERY_PT, "change"),
        (BAKERY_EN, "make it dark green and add a FAQ", "change"),
        (BAKERY_EN, "add a florist section in Bristol style", "change"),
        (BAKERY_EN, "Muda o nome para Padaria do Porto", "change"),
        (BAKERY_EN, "por favor, añade una galería", "change"),
        (BAKERY_EN, "call it Golden Crust", "change"),
        (BAKERY_EN, 'the headline "Fresh bread daily"', "change"),
        (BAKERY_EN, "we moved to Porto", "change"),
        (BAKERY_EN, "a gym", "change"),
        (BAKERY_EN, "a menu with bakery items", "change"),
        (BAKERY_EN, "open Mon–Sat 8–20", "change"),
        # Brazilian imperatives ("bota", "inclui", "sobe") open a change too
        (BAKERY_BR, "Bota o endereço da loja em Niterói", "change"),
        (BAKERY_BR, "inclui uma seção sobre a padaria em Curitiba", "change"),
        (BAKERY_BR, "Sobe o cardápio para o topo", "change"),
    ],
)
async def test_what_a_message_means_while_a_site_is_open(opened_with: str, message: str, intent: MessageIntent) -> None:
    site = await generate_site(opened_with)
    assert read_against_site(message, site, opened_with) == intent
