"""Slack: the user's locale (users.info ``locale``) picks the Portuguese variant of the replies."""

from __future__ import annotations

from bots.slack.inbound import chat_ref
from tests.bots.slack.flow import context_text


async def test_the_slack_locale_picks_brazilian_or_european_portuguese(serve, slack_settings, slack_api) -> None:
    ws = slack_api.add_workspace("T0LOCALE0")
    ws.locales.update(UBRUNA="pt-BR", UPEDRO="pt-PT")
    description = "uma padaria artesanal com horário"  # no variant cue in the text
    async with serve(slack_settings(slack_bot_token=ws.bot_token)) as slack:
        await slack.command("T0LOCALE0", "C1", "UBRUNA", f"describe {description}")
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 1)
        await slack.command("T0LOCALE0", "C2", "UPEDRO", f"describe {description}")
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 2)
        brazil = slack_api.called("chat.startStream")[0].params["thread_ts"]
        portugal = slack_api.called("chat.startStream")[1].params["thread_ts"]
        brazilian = " ".join(m.text for m in slack_api.thread("C1", brazil))
        european = " ".join(m.text for m in slack_api.thread("C2", portugal))
        assert "Criando o seu site" in brazilian and "A criar o seu site" in european
        assert "versão 1" in context_text(slack_api.thread("C1", brazil)[-1])
        stored = {
            user: await slack.rt.store.conversation(chat_ref("T0LOCALE0", channel, user))
            for user, channel in (("UBRUNA", "C1"), ("UPEDRO", "C2"))
        }
        assert stored["UBRUNA"].language == "pt_BR" and stored["UPEDRO"].language == "pt_PT"
        await slack.command("T0LOCALE0", "C1", "UBRUNA", "help")
        await slack_api.wait_for(lambda: any("escolher o idioma" in str(r.params.get("text", "")) for r in slack_api.responses))
    asked = [c for c in slack_api.called("users.info") if str(c.params.get("include_locale")).lower() in ("true", "1")]
    assert {c.params["user"] for c in asked} == {"UBRUNA", "UPEDRO"}  # once per user, then remembered
    assert len(asked) == 2
