"""The server socket: answers on a kept-alive connection must not wait for Nagle's algorithm.

asyncio turns Nagle off (TCP_NODELAY) only on sockets whose ``proto`` is IPPROTO_TCP; a socket
made with proto 0 kept it on, and every second request on a kept-alive connection waited ~40 ms
for the client's delayed ACK (found by bench/auth.py: /healthz took 44 ms on keep-alive).
"""

from __future__ import annotations

import asyncio
import socket

from bots.server import bind_socket


async def test_accepted_connections_have_nagle_turned_off() -> None:
    sock = bind_socket("127.0.0.1", 0, fall_back=False)
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(on_client, sock=sock)
    try:
        _reader, writer = await asyncio.open_connection(*sock.getsockname()[:2])
        assert await asyncio.wait_for(accepted, 10) != 0
        writer.close()
    finally:
        server.close()
        await server.wait_closed()
