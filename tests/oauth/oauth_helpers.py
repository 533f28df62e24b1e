"""Helpers for the OAuth tests (imported as `oauth_helpers`)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from digest_helpers import DB
from slack_sdk.signature import SignatureVerifier
from slack_stub import SlackStub

from bot.config import Settings

SIGNING_SECRET = "signing-secret-value"


@dataclass
class Response:
    status: int
    body: str
    headers: dict[str, str]


@dataclass
class OAuthApp:
    base: str
    settings: Settings
    stub: SlackStub
    db: DB

    def get(self, path: str, cookie: str | None = None) -> Response:
        req = urllib.request.Request(self.base + path)
        if cookie:
            req.add_header("Cookie", cookie)
        return _open(req)

    def start_install(self) -> tuple[str, str]:
        """GET /slack/install: (state, the cookie header to send back)."""
        page = self.get("/slack/install")
        assert page.status == 200, page
        cookie = SimpleCookie(page.headers["set-cookie"])
        [(name, morsel)] = cookie.items()
        tag = page.body.split('id="add-to-slack"')[1].split(">")[0]
        link = tag.split('href="')[1].split('"')[0].replace("&amp;", "&")
        state = parse_qs(urlsplit(link).query)["state"][0]
        assert morsel.value == state
        return state, f"{name}={morsel.value}"

    def install(self, code: str, answer: dict[str, Any]) -> Response:
        """The whole browser round trip, with Slack answering oauth.v2.access for `code`."""
        self.stub.oauth_codes[code] = answer
        state, cookie = self.start_install()
        return self.get(
            f"/slack/oauth_redirect?{urlencode({'code': code, 'state': state})}", cookie
        )

    def post_signed(self, body: bytes, content_type: str) -> Response:
        ts = str(int(time.time()))
        sig = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=ts, body=body)
        req = urllib.request.Request(self.base + "/slack/events", data=body, method="POST")
        req.add_header("Content-Type", content_type)
        req.add_header("X-Slack-Request-Timestamp", ts)
        req.add_header("X-Slack-Signature", sig)
        return _open(req)

    def command(
        self,
        text: str,
        *,
        team: str,
        channel: str,
        enterprise: str | None = None,
        org: bool = False,
        user: str = "U1",
    ) -> Response:
        form = {
            "token": "legacy",
            "team_id": team,
            "team_domain": team.lower(),
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": "someone",
            "command": "/deepseek",
            "text": text,
            "api_app_id": "A0APP",
            "is_enterprise_install": "true" if org else "false",
            "response_url": self.stub.response_url(f"{team}-{channel}-{time.monotonic_ns()}"),
            "trigger_id": "1.2.3",
        }
        if enterprise:
            form["enterprise_id"] = enterprise
        body = urlencode(form).encode()
        return self.post_signed(body, "application/x-www-form-urlencoded")

    def event(
        self, event: dict[str, Any], *, team: str, enterprise: str | None = None, org: bool = False
    ) -> Response:
        envelope = {
            "token": "legacy",
            "team_id": team,
            "enterprise_id": enterprise,
            "api_app_id": "A0APP",
            "type": "event_callback",
            "event_id": f"Ev{time.monotonic_ns()}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [
                {
                    "enterprise_id": enterprise,
                    "team_id": None if org else team,
                    "user_id": "U0BOT",
                    "is_bot": True,
                    "is_enterprise_install": org,
                }
            ],
            "is_ext_shared_channel": False,
        }
        return self.post_signed(json.dumps(envelope).encode(), "application/json")


def _open(req: urllib.request.Request) -> Response:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(req, timeout=30) as resp:
            return Response(
                resp.status, resp.read().decode(), {k.lower(): v for k, v in resp.headers.items()}
            )
    except urllib.error.HTTPError as e:
        return Response(e.code, e.read().decode(), {k.lower(): v for k, v in e.headers.items()})


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def oauth_answer(
    token: str,
    team: str | None,
    name: str,
    *,
    enterprise: str | None = None,
    org: bool = False,
    refresh: bool = False,
) -> dict[str, Any]:
    """What oauth.v2.access answers for an install (Slack's shape)."""
    answer: dict[str, Any] = {
        "app_id": "A0APP",
        "authed_user": {"id": "UINSTALLER"},
        "scope": "commands,chat:write",
        "token_type": "bot",
        "access_token": token,
        "bot_user_id": "U0BOT",
        "team": {"id": team, "name": name} if team else None,
        "enterprise": {"id": enterprise, "name": f"{name} Corp"} if enterprise else None,
        "is_enterprise_install": org,
    }
    if refresh:
        answer.update(refresh_token=f"xoxe-1-refresh-{team or enterprise}", expires_in=60)
    return answer
