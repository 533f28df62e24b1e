"""HTTP GET for pages and feeds: redirects followed, a time limit, a size cap, one User-Agent.

Every failure is an `IngestError` with one line naming the URL and what to do. Only the
URL asked for (and its redirects) is fetched; nothing else is downloaded.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType

import httpx

from bot.ingest import DEFAULT_TIMEOUT, MAX_BYTES
from bot.ingest.errors import IngestError


def _user_agent() -> str:
    try:
        v = version("deepseek-bot")
    except PackageNotFoundError:  # running from a checkout that is not installed
        v = "dev"
    return f"deepseek-bot/{v} (Slack briefing bot; fetches articles it is asked to add)"


USER_AGENT = _user_agent()


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int  # 200, or 304 for a conditional GET with nothing new (body is then empty)
    body: bytes
    media_type: str  # "text/html", lower case; "" when the server sent none
    charset: str | None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


_SECRET_PARAM = re.compile(r"(?i)([?&][^=&#]*(?:key|token|secret|sig|pass|auth)[^=&#]*=)[^&#]*")


def safe_url(url: str) -> str:
    """The URL for messages and logs: no password, no value of a key/token-like parameter."""
    url = re.sub(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", r"\1", url)
    return _SECRET_PARAM.sub(r"\1…", url)


def _mb(n: int) -> str:
    return f"{n / 1e6:g} MB"


class Fetcher:
    """One HTTP client for a command: `with Fetcher() as f: f.get(url)`."""

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = MAX_BYTES,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            follow_redirects=True,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent},
            max_redirects=10,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        *,
        accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET `url`. A 304 (only possible with etag/last_modified) returns status 304."""
        shown = safe_url(url)
        if not url.lower().startswith(("http://", "https://")):
            raise IngestError(f"{shown}: not an http(s) URL, a .html or .txt file, or '-'")
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                final = str(resp.url)
                if resp.status_code == 304:
                    return Fetched(final, 304, b"", "", None, etag, last_modified)
                if resp.status_code >= 400:
                    reason = resp.reason_phrase or "error"
                    hint = (
                        "check the URL"
                        if resp.status_code < 500
                        else "the site is failing; try again later"
                    )
                    raise IngestError(
                        f"{shown}: HTTP {resp.status_code} {reason}; {hint}",
                        transient=resp.status_code >= 500 or resp.status_code in (408, 429),
                    )
                media, charset = _content_type(resp.headers.get("content-type", ""))
                length = resp.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise IngestError(
                        f"{shown}: the page is {_mb(int(length))}, over the {_mb(self.max_bytes)} "
                        "limit; this is not a news article page"
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise IngestError(
                            f"{shown}: the page is over the {_mb(self.max_bytes)} limit; "
                            "this is not a news article page"
                        )
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline")
                    chunks.append(chunk)
                return Fetched(
                    url=final,
                    status=resp.status_code,
                    body=b"".join(chunks),
                    media_type=media,
                    charset=charset,
                    etag=resp.headers.get("etag"),
                    last_modified=resp.headers.get("last-modified"),
                )
        except httpx.TimeoutException:
            raise IngestError(
                f"{shown}: no complete answer within {self.timeout:g} s; "
                "try again later, or allow longer with --timeout",
                transient=True,
            ) from None
        except httpx.TooManyRedirects:
            raise IngestError(
                f"{shown}: too many redirects; open it in a browser and use the final URL"
            ) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise IngestError(f"{shown}: not a valid http(s) URL; check it") from None
        except httpx.TransportError as exc:
            raise IngestError(
                f"{shown}: cannot reach {_host(url)} ({_reason(exc)}); check the URL and your network",
                transient=True,
            ) from None


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or "the host"
    except httpx.InvalidURL:
        return "the host"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "no such host"
    if "Connection refused" in text:
        return "connection refused"
    return text[:120]
