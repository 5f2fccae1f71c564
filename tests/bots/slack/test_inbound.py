"""Slack payloads turned into Studio text: subcommands, thread words and domain subcommands."""

from __future__ import annotations

from bots.slack.inbound import from_command, from_message

BOT = "UBOT"


def command(text: str) -> str:
    payload = {"team_id": "T1", "channel_id": "C1", "user_id": "U1", "text": text}
    return from_command(payload).text


def thread(text: str) -> str | None:
    event = {"type": "message", "channel": "C1", "user": "U1", "ts": "2.0", "thread_ts": "1.0",
             "parent_user_id": BOT, "channel_type": "channel", "text": text}
    turn = from_message(event, "T1", BOT)
    return turn.text if turn else None


def test_slash_subcommands_become_studio_commands() -> None:
    assert command("describe a bakery in Lisbon") == "a bakery in Lisbon"
    assert command("domain check padaria.pt") == "/domain check padaria.pt"
    assert command("domain remove padaria.pt") == "/domain remove padaria.pt"
    assert command("publish") == "/publish"
    assert command("") == "/help"


def test_thread_words_map_to_commands_but_sentences_stay_refinements() -> None:
    assert thread("publish") == "/publish"
    assert thread("domain padaria.pt") == "/domain padaria.pt"
    assert thread("domain check padaria.pt") == "/domain check padaria.pt"
    assert thread("domain remove padaria.pt") == "/domain remove padaria.pt"
    assert thread("domain names should be in the footer") == "domain names should be in the footer"
    # words in the user's language count too, so the publish policy sees a command, not a refinement
    assert thread("Publicar, por favor") == "/publish"
    assert thread("deshacer") == "/undo"
    assert thread("publicar los precios en la portada") == "publicar los precios en la portada"
