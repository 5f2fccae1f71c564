"""``MailPort`` over SMTP (the standard library's client, in a thread): sign-in links and address checks."""

from __future__ import annotations

import asyncio
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    sender: str = "Page Magic <no-reply@localhost>"
    timeout: float = 20.0

    def __repr__(self) -> str:
        return f"SmtpConfig(host={self.host!r}, port={self.port})"


class SmtpMail:
    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    async def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"] = self.config.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.config.host, self.config.port, timeout=self.config.timeout) as client:
            if self.config.starttls:
                client.starttls()
            if self.config.username and self.config.password:
                client.login(self.config.username, self.config.password)
            client.send_message(message)
