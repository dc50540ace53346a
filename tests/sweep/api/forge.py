# SPDX-License-Identifier: Apache-2.0
"""GitHub's and GitLab's repository listings for the sweep's discovery tests, served by
tests/verify/fakeprov.py (--providers tests/sweep/api). The clone URLs point at the test's
own git server: FORGE_CLONE_BASE (http://127.0.0.1:PORT) in the environment.

GitHub: GET /orgs/{org}/repos, /users/{user}/repos, paginated by the Link header
  https://docs.github.com/en/rest/repos/repos#list-organization-repositories
  https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
  rate limits: 403 with x-ratelimit-remaining: 0 and x-ratelimit-reset (epoch seconds)
  https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
GitLab: GET /api/v4/groups/{id or url-encoded path}/projects?include_subgroups=true, paginated
  by X-Next-Page https://docs.gitlab.com/ee/api/groups.html#list-a-groups-projects
  https://docs.gitlab.com/ee/api/rest/index.html#pagination ; 429 with Retry-After
  https://docs.gitlab.com/ee/security/rate_limits.html"""
import json
import os
import threading
import time
from urllib.parse import parse_qs, urlsplit

HOSTS = ["api.github.com", "gitlab.com", "ghe.example.com"]
_lock = threading.Lock()
_once = set()


def _first(key):
    """True the first time key is asked for (a rate limit answered once)"""
    with _lock:
        if key in _once:
            return False
        _once.add(key)
        return True


def _gh_repo(name, fork=False, archived=False, topics=()):
    base = os.environ.get("FORGE_CLONE_BASE", "http://127.0.0.1:1")
    return {"id": abs(hash(name)) % 100000, "name": name.split("/")[1], "full_name": name,
            "private": False, "fork": fork, "archived": archived, "topics": list(topics),
            "clone_url": "%s/%s.git" % (base, name), "html_url": "https://github.com/" + name}


GH_PAGES = [
    [_gh_repo("acme/app", topics=["keep"]), _gh_repo("acme/lib")],
    [_gh_repo("acme/forked", fork=True), _gh_repo("acme/old", archived=True, topics=["keep"])],
    [_gh_repo("acme/skip-me"), {"full_name": "acme/broken"}],
]


def _json(status, obj, headers=None):
    h = {"Content-Type": "application/json; charset=utf-8"}
    h.update(headers or {})
    return status, h, json.dumps(obj).encode()


def _github(path, headers, host):
    u = urlsplit(path)
    q = parse_qs(u.query)
    prefix = "/api/v3" if host == "ghe.example.com" else ""
    if u.path == prefix + "/orgs/acme/repos" or u.path == prefix + "/users/acme/repos":
        page = int(q.get("page", ["1"])[0])
        if page == 2 and _first("gh-rate-" + host + u.path):
            return _json(403, {"message": "API rate limit exceeded"},
                         {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(time.time()) + 1)})
        links = []
        if page < len(GH_PAGES):
            links.append('<https://%s%s?per_page=100&page=%d>; rel="next"' % (host, u.path, page + 1))
        links.append('<https://%s%s?per_page=100&page=%d>; rel="last"' % (host, u.path, len(GH_PAGES)))
        return _json(200, GH_PAGES[page - 1], {"Link": ", ".join(links)})
    if u.path == "/orgs/elsewhere/repos":
        # a next page on another host: never followed (the token would go there)
        return _json(200, [_gh_repo("elsewhere/one")],
                     {"Link": '<https://evil.example.net/orgs/elsewhere/repos?page=2>; rel="next"'})
    if u.path == "/orgs/limited/repos":
        return _json(403, {"message": "API rate limit exceeded"},
                     {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(time.time()) + 7200)})
    return _json(404, {"message": "Not Found"})


def _gl_project(path, fork=False, archived=False, topics=()):
    base = os.environ.get("FORGE_CLONE_BASE", "http://127.0.0.1:1")
    p = {"id": abs(hash(path)) % 100000, "path_with_namespace": path, "archived": archived,
         "topics": list(topics), "http_url_to_repo": "%s/%s.git" % (base, path)}
    if fork:
        p["forked_from_project"] = {"id": 1, "path_with_namespace": "upstream/x"}
    return p


GL_PAGES = [
    [_gl_project("acme/platform/api"), _gl_project("acme/platform/infra/deploy")],
    [_gl_project("acme/platform/fork", fork=True), _gl_project("acme/platform/archive", archived=True)],
]


def _gitlab(path, headers):
    u = urlsplit(path)
    q = parse_qs(u.query)
    if u.path == "/api/v4/groups/acme%2Fplatform/projects" and q.get("include_subgroups") == ["true"]:
        page = int(q.get("page", ["1"])[0])
        if page == 2 and _first("gl-rate"):
            return _json(429, {"message": "Retry later"}, {"Retry-After": "1"})
        nxt = str(page + 1) if page < len(GL_PAGES) else ""
        return _json(200, GL_PAGES[page - 1], {"X-Next-Page": nxt, "X-Page": str(page)})
    return _json(404, {"message": "404 Group Not Found"})


def handle(method, path, headers, body):
    host = headers.get("host", "").split(":")[0]
    if method != "GET":
        return _json(405, {"message": "GET only"})
    if host == "gitlab.com":
        return _gitlab(path, headers)
    return _github(path, headers, host)
