"""A local Stripe API: the calls Page Magic makes, answered as Stripe answers them.

Speaks Stripe's wire format so the real ``stripe`` SDK talks to it through
``base_addresses``: form-encoded v1 bodies with bracketed keys, JSON v2 bodies, Bearer
keys, error objects (``{"error": {"type", "code", "message", "param"}}``), 429/5xx on demand.
``deliver`` signs webhook events with Stripe's real scheme. Every call is recorded.

What Stripe refuses or does, this does too:
- ``Idempotency-Key``: the first answer is kept for 24 hours (by ``clock``) and replayed for the
  same key with the same endpoint and parameters (``Idempotent-Replayed: true``); the same key
  with other parameters is a 400 ``idempotency_error``. Injected 429/5xx are not kept (Stripe
  keeps nothing for a request it did not start executing).
- Meter events: ``event_name`` and ``payload`` are required (400 ``parameter_missing``);
  ``identifier`` is optional and, as Stripe does, generated when absent -- so a resend without
  one is a second event. An identifier already taken is refused. An ``event_name`` no meter
  listens to is accepted and never counted: Stripe reports it later, asynchronously, as a
  ``v1.billing.meter.no_meter_found`` event (kept here in ``no_meter_found``).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import secrets
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from billing.plans import METERS
from bots.server import BackgroundServer, bind_socket, url_of

API_KEY = "sk_test_standin_" + "0" * 24
WEBHOOK_SECRET = "whsec_standin_secret"


IDEMPOTENCY_TTL = 24 * 3600  # seconds Stripe keeps an idempotency key


@dataclass(frozen=True)
class Replay:
    """The first answer to an ``Idempotency-Key``, and what it was an answer to."""

    path: str
    params: dict[str, Any]
    status: int
    body: bytes
    at: float


@dataclass
class Call:
    method: str
    path: str
    params: dict[str, Any]
    status: int
    idempotency_key: str | None


def nest(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """``line_items[0][price]=x`` -> {"line_items": [{"price": "x"}]} (Stripe's form encoding)."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node: Any = root
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if isinstance(node, list):
                index = int(part)
                while len(node) <= index:
                    node.append({})
                if last:
                    node[index] = value
                else:
                    if not isinstance(node[index], (dict, list)) or node[index] == {}:
                        node[index] = [] if parts[i + 1].isdigit() else {}
                    node = node[index]
            else:
                if last:
                    node[part] = value
                else:
                    if part not in node:
                        node[part] = [] if parts[i + 1].isdigit() else {}
                    node = node[part]
    return root


def error(status: int, kind: str, message: str, code: str | None = None, param: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"type": kind, "message": message}
    if code:
        body["code"] = code
    if param:
        body["param"] = param
    return JSONResponse({"error": body}, status_code=status, headers={"Request-Id": "req_" + secrets.token_hex(8)})


class StripeApiStandIn:
    def __init__(
        self, api_key: str = API_KEY, webhook_secret: str = WEBHOOK_SECRET, clock: Callable[[], float] = time.time,
        meters: Iterable[str] | None = None,
    ) -> None:
        self.clock = clock  # Stripe's "now" (epoch seconds): event times, signatures, meter event windows
        self.api_key = api_key
        self.webhook_secret = webhook_secret
        self.calls: list[Call] = []
        self.customers: dict[str, dict[str, Any]] = {}
        self.sessions: dict[str, dict[str, Any]] = {}
        self.portal_sessions: dict[str, dict[str, Any]] = {}  # billing_portal.sessions created
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.invoices: dict[str, dict[str, Any]] = {}
        self.meter_events: dict[str, dict[str, Any]] = {}  # identifier -> accepted event
        self.duplicates = 0  # meter events sent again: replayed by key, refused (v1) or dropped (v2)
        self.stream_tokens: dict[str, float] = {}  # token -> expiry (epoch seconds)
        self.meters: set[str] = set(METERS.values()) if meters is None else set(meters)  # the account's meters
        self.no_meter_found: list[dict[str, Any]] = []  # meter events for an event_name no meter has
        self.failures: list[int] = []  # statuses for the next requests (429, 500, ...)
        self.fail_paths: tuple[str, ...] = ()  # only these path prefixes fail (empty: all)
        self._idempotent: dict[str, Replay] = {}
        self._ids = itertools.count(1)
        self._server: BackgroundServer | None = None
        self.url = ""

    # -- running ----------------------------------------------------------------------

    async def start(self) -> None:
        sock = bind_socket("127.0.0.1", 0, fall_back=False)
        self.url = url_of(sock)
        app = Starlette(routes=[Route("/{path:path}", self._handle, methods=["GET", "POST", "DELETE"])])
        self._server = BackgroundServer(app, sock)
        await self._server.start()

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop()

    # -- what tests look at ------------------------------------------------------------

    def totals(self) -> dict[tuple[str, str], int]:
        """(customer, event_name) -> sum of accepted meter event values."""
        sums: defaultdict[tuple[str, str], int] = defaultdict(int)
        for event in self.meter_events.values():
            sums[(event["payload"]["stripe_customer_id"], event["event_name"])] += int(event["payload"]["value"])
        return dict(sums)

    def called(self, path: str) -> list[Call]:
        return [c for c in self.calls if c.path == path]

    def add_customer(self) -> str:
        """A customer made in the Dashboard; returns its id."""
        customer = {"id": self._id("cus"), "object": "customer", "created": int(self.clock()), "metadata": {}}
        self.customers[customer["id"]] = customer
        return str(customer["id"])

    def delete_customer(self, customer_id: str) -> None:
        self.customers[customer_id]["deleted"] = True

    def complete_checkout(self, session_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The customer paid: a subscription exists; returns (session, subscription)."""
        session = self.sessions[session_id]
        sub_id = self._id("sub")
        items = [{"id": self._id("si"), "price": {"id": item["price"]}} for item in session["line_items"]]
        subscription = {
            "id": sub_id, "object": "subscription", "customer": session["customer"], "status": "active",
            "items": {"object": "list", "data": items}, "metadata": session.get("subscription_metadata", {}),
            "current_period_start": int(self.clock()), "current_period_end": int(self.clock()) + 30 * 86400,
            "cancel_at_period_end": False,
        }
        self.subscriptions[sub_id] = subscription
        session.update(status="complete", payment_status="paid", subscription=sub_id)
        return session, subscription

    def update_subscription(self, sub_id: str, **changes: Any) -> dict[str, Any]:
        """Change a subscription as Stripe would (``status``, ``price``); returns a copy as of now."""
        subscription = self.subscriptions[sub_id]
        if "price" in changes:
            subscription["items"]["data"][0]["price"] = {"id": changes.pop("price")}
        subscription.update(changes)
        return json.loads(json.dumps(subscription))

    def cancel_subscription(self, sub_id: str) -> dict[str, Any]:
        return self.update_subscription(sub_id, status="canceled", canceled_at=int(self.clock()))

    def event(
        self, kind: str, obj: dict[str, Any], event_id: str | None = None, created: int | None = None
    ) -> dict[str, Any]:
        """A webhook event about ``obj``; ``created`` (epoch seconds) defaults to now."""
        public = {k: v for k, v in obj.items() if k not in ("line_items", "subscription_metadata")}
        return {
            "id": event_id or self._id("evt"), "object": "event", "type": kind, "api_version": "2025-04-30.basil",
            "created": int(self.clock()) if created is None else created, "livemode": False,
            "data": {"object": public},
        }

    def sign(self, payload: bytes, secret: str | None = None, at: int | None = None) -> str:
        """``Stripe-Signature`` as Stripe computes it: HMAC-SHA256 over ``t.payload``."""
        t = int(self.clock()) if at is None else at
        mac = hmac.new((secret or self.webhook_secret).encode(), f"{t}.".encode() + payload, hashlib.sha256)
        return f"t={t},v1={mac.hexdigest()}"

    async def deliver(self, url: str, event: dict[str, Any], secret: str | None = None) -> httpx.Response:
        """POST ``event`` to a webhook endpoint, signed (with ``secret``, default the right one)."""
        payload = json.dumps(event).encode()
        async with httpx.AsyncClient(timeout=60) as client:  # a deadline: a loaded machine answers late
            return await client.post(
                url, content=payload,
                headers={"Content-Type": "application/json", "Stripe-Signature": self.sign(payload, secret)},
            )

    # -- the API ---------------------------------------------------------------------

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):06d}{secrets.token_hex(4)}"

    async def _handle(self, request: Request) -> Response:
        path = "/" + request.path_params["path"]
        body = await request.body()
        if request.headers.get("content-type", "").startswith("application/json"):
            params: dict[str, Any] = json.loads(body or b"{}")
        else:
            params = nest(parse_qsl(body.decode() or request.url.query, keep_blank_values=True))
        key = request.headers.get("idempotency-key") if request.method == "POST" else None
        status = 200
        try:
            if key:
                replay = self._replay(key, path, params)
                if replay is not None:
                    status = replay.status_code
                    return replay
            response = self._answer(request, path, params)
            status = response.status_code
            if key and status < 500 and status != 429:
                self._idempotent[key] = Replay(path, params, status, bytes(response.body), self.clock())
            return response
        finally:
            self.calls.append(Call(request.method, path, params, status, key))

    def _replay(self, key: str, path: str, params: dict[str, Any]) -> Response | None:
        """Stripe's idempotency: the first answer again, or a refusal when the key meant another request."""
        now = self.clock()
        for old in [k for k, r in self._idempotent.items() if r.at + IDEMPOTENCY_TTL <= now]:
            del self._idempotent[old]  # Stripe forgets keys after 24 hours
        first = self._idempotent.get(key)
        if first is None:
            return None
        if (first.path, first.params) != (path, params):
            return error(400, "idempotency_error", "Keys for idempotent requests can only be used with the same "
                         f"parameters they were first used with. Try using a key other than '{key}' if you "
                         "meant to execute a different request.")
        if path == "/v1/billing/meter_events":
            self.duplicates += 1  # the same event again: Stripe answers as the first time
        return Response(first.body, first.status, media_type="application/json",
                        headers={"Idempotent-Replayed": "true", "Request-Id": "req_" + secrets.token_hex(8)})

    def _answer(self, request: Request, path: str, params: dict[str, Any]) -> Response:
        auth = request.headers.get("authorization", "")
        token = auth.removeprefix("Bearer ").strip()
        if path.startswith("/v2/billing/meter_event_stream"):
            if self.stream_tokens.get(token, 0) < self.clock():
                return error(401, "temporary_session_expired", "Your meter event session has expired.")
        elif token != self.api_key:
            return error(401, "invalid_request_error", "Invalid API Key provided.")
        if self.failures and (not self.fail_paths or path.startswith(self.fail_paths)):
            status = self.failures.pop(0)
            if status == 429:
                return error(429, "invalid_request_error", "Too many requests.", "rate_limit")
            return error(status, "api_error", "Something went wrong on Stripe's end.")
        route = (request.method, re.sub(r"/(cus|sub|cs)_[A-Za-z0-9]+", r"/{id}", path))
        handler = {
            ("POST", "/v1/customers"): self._create_customer,
            ("DELETE", "/v1/customers/{id}"): self._delete_customer,
            ("POST", "/v1/checkout/sessions"): self._create_session,
            ("POST", "/v1/billing_portal/sessions"): self._create_portal_session,
            ("POST", "/v1/billing/meter_events"): self._meter_event,
            ("POST", "/v1/subscriptions/{id}"): self._update_subscription,
            ("GET", "/v1/invoices"): self._list_invoices,
            ("POST", "/v2/billing/meter_event_session"): self._stream_session,
            ("POST", "/v2/billing/meter_event_stream"): self._stream,
        }.get(route)
        if handler is None:
            return error(404, "invalid_request_error", f"Unrecognized request URL ({request.method}: {path}).")
        return handler(path, params)

    def _create_customer(self, _path: str, params: dict[str, Any]) -> Response:
        customer = {"id": self._id("cus"), "object": "customer", "created": int(self.clock()),
                    "metadata": params.get("metadata", {}), "email": params.get("email"), "name": params.get("name")}
        self.customers[customer["id"]] = customer
        return JSONResponse(customer)

    def _delete_customer(self, path: str, _params: dict[str, Any]) -> Response:
        customer_id = path.rsplit("/", 1)[1]
        if customer_id not in self.customers:
            return error(404, "invalid_request_error", f"No such customer: '{customer_id}'", "resource_missing", "id")
        self.delete_customer(customer_id)
        return JSONResponse({"id": customer_id, "object": "customer", "deleted": True})

    def _update_subscription(self, path: str, params: dict[str, Any]) -> Response:
        sub_id = path.rsplit("/", 1)[1]
        subscription = self.subscriptions.get(sub_id)
        if subscription is None:
            return error(404, "invalid_request_error", f"No such subscription: '{sub_id}'", "resource_missing", "id")
        if "cancel_at_period_end" in params:
            subscription["cancel_at_period_end"] = str(params["cancel_at_period_end"]).lower() == "true"
        return JSONResponse(subscription)

    def _list_invoices(self, _path: str, params: dict[str, Any]) -> Response:
        customer = params.get("customer", "")
        found = [i for i in self.invoices.values() if not customer or i["customer"] == customer]
        return JSONResponse({"object": "list", "data": found, "has_more": False, "url": "/v1/invoices"})

    def add_invoice(self, customer: str, amount_cents: int, status: str = "paid") -> dict[str, Any]:
        invoice_id = self._id("in")
        invoice = {"id": invoice_id, "object": "invoice", "customer": customer, "number": f"PM-{len(self.invoices) + 1:04d}",
                   "status": status, "amount_due": amount_cents, "currency": "usd", "created": int(self.clock()),
                   "hosted_invoice_url": f"{self.url}/i/{invoice_id}"}
        self.invoices[invoice_id] = invoice
        return invoice

    def _live_customer(self, customer_id: str) -> bool:
        return customer_id in self.customers and not self.customers[customer_id].get("deleted")

    def _create_session(self, _path: str, params: dict[str, Any]) -> Response:
        customer = params.get("customer", "")
        if not self._live_customer(customer):
            return error(400, "invalid_request_error", f"No such customer: '{customer}'", "resource_missing", "customer")
        if params.get("mode") != "subscription" or not params.get("line_items"):
            return error(400, "invalid_request_error", "Missing required param: line_items.", "parameter_missing")
        for item in params["line_items"]:
            if not str(item.get("price", "")).startswith("price_"):
                return error(400, "invalid_request_error", "No such price", "resource_missing", "line_items")
        session_id = self._id("cs_test")
        session = {
            "id": session_id, "object": "checkout.session", "mode": "subscription", "customer": customer,
            "client_reference_id": params.get("client_reference_id"), "metadata": params.get("metadata", {}),
            "status": "open", "payment_status": "unpaid", "subscription": None,
            "success_url": params.get("success_url"), "url": f"{self.url}/c/pay/{session_id}",
            "line_items": params["line_items"],
            "subscription_metadata": params.get("subscription_data", {}).get("metadata", {}),
        }
        self.sessions[session_id] = session
        return JSONResponse({k: v for k, v in session.items() if k not in ("line_items", "subscription_metadata")})

    def _create_portal_session(self, _path: str, params: dict[str, Any]) -> Response:
        """``billing_portal.sessions.create``: a customer (required, live) and an optional return_url."""
        customer = params.get("customer", "")
        if not customer:
            return error(400, "invalid_request_error", "Missing required param: customer.", "parameter_missing", "customer")
        if not self._live_customer(customer):
            return error(400, "invalid_request_error", f"No such customer: '{customer}'", "resource_missing", "customer")
        return_url = params.get("return_url")
        if return_url is not None and not str(return_url).startswith(("http://", "https://")):
            return error(400, "invalid_request_error", "Not a valid URL", "url_invalid", "return_url")
        session_id = self._id("bps")
        session = {"id": session_id, "object": "billing_portal.session", "customer": customer, "livemode": False,
                   "created": int(self.clock()), "return_url": return_url, "url": f"{self.url}/p/session/{session_id}"}
        self.portal_sessions[session_id] = session
        return JSONResponse(session)

    def _check_meter_event(self, event: dict[str, Any], prefix: str = "") -> Response | None:
        for required in ("event_name", "payload"):
            if not event.get(required):
                return error(400, "invalid_request_error", f"Missing required param: {prefix}{required}.",
                             "parameter_missing", f"{prefix}{required}")
        customer = event.get("payload", {}).get("stripe_customer_id", "")
        if not self._live_customer(customer):
            return error(400, "invalid_request_error", f"No such customer: '{customer}'", "resource_missing",
                         "payload[stripe_customer_id]")
        now = self.clock()
        ts = event.get("timestamp")
        if isinstance(ts, str) and not ts.isdigit():  # v2 sends RFC 3339
            ts = datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()
        if ts is not None and not (now - 35 * 86400 <= float(ts) <= now + 300):
            return error(400, "invalid_request_error", "Timestamp must be within the past 35 days or up to "
                         "5 minutes in the future.", "timestamp_out_of_range", "timestamp")
        if not str(event.get("payload", {}).get("value", "")).lstrip("-").isdigit():
            return error(400, "invalid_request_error", "payload[value] must be a number.", "parameter_invalid_integer")
        return None

    def _meter_event(self, _path: str, params: dict[str, Any]) -> Response:
        refused = self._check_meter_event(params)
        if refused is not None:
            return refused
        identifier = params.get("identifier") or self._id("mev")  # Stripe makes one up when none is sent
        if identifier in self.meter_events:
            self.duplicates += 1
            return error(400, "invalid_request_error", f"An event with identifier '{identifier}' already exists.",
                         "resource_already_exists", "identifier")
        event = {"object": "billing.meter_event", "created": int(self.clock()), "event_name": params["event_name"],
                 "identifier": identifier, "livemode": False, "payload": params["payload"],
                 "timestamp": int(params.get("timestamp") or self.clock())}
        self._take(event)
        return JSONResponse(event)

    def _take(self, event: dict[str, Any]) -> None:
        """Accepted; counted only when a meter listens to its ``event_name`` (Stripe reports the rest later)."""
        if event["event_name"] in self.meters:
            self.meter_events[event["identifier"]] = event
        else:
            self.no_meter_found.append(event)

    def _stream_session(self, _path: str, _params: dict[str, Any]) -> Response:
        token = "mes_tok_" + secrets.token_hex(12)
        now = datetime.fromtimestamp(self.clock(), UTC)
        expires = now + timedelta(minutes=15)
        self.stream_tokens[token] = expires.timestamp()
        return JSONResponse({
            "id": self._id("mes"), "object": "v2.billing.meter_event_session", "authentication_token": token,
            "created": now.isoformat().replace("+00:00", "Z"),
            "expires_at": expires.isoformat().replace("+00:00", "Z"), "livemode": False,
        })

    def _stream(self, _path: str, params: dict[str, Any]) -> Response:
        events = params.get("events", [])
        if not 1 <= len(events) <= 100:
            return error(400, "invalid_request_error", "events must hold 1 to 100 events.", "invalid_request")
        for i, event in enumerate(events):  # the stream validates the batch before taking any of it
            refused = self._check_meter_event(event, f"events[{i}].")
            if refused is not None:
                return refused
        for event in events:
            identifier = event.get("identifier") or self._id("mev")
            if identifier in self.meter_events:
                self.duplicates += 1
                continue
            self._take({"event_name": event["event_name"], "identifier": identifier,
                        "payload": event["payload"], "timestamp": event.get("timestamp")})
        return JSONResponse({})
