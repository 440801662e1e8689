"""Binds a pod's listening sockets to the pod's own address.

In a pod, 0.0.0.0 means the pod's network namespace. The process runtime
runs pods side by side on one host, each with a loopback address of its own
(RUNTIME_POD_IP): a bind to every address becomes a bind to that one, so two
pods can listen on the same port, as they do in a cluster. Python starts this
module itself when its folder is on PYTHONPATH.
"""

import os
import socket

_POD_IP = os.environ.get("RUNTIME_POD_IP", "")
_ANY = {"", "0.0.0.0", "::", "localhost", "127.0.0.1", "::1"}

if _POD_IP:
    _bind = socket.socket.bind

    def _pod_bind(self, address):
        if isinstance(address, tuple) and address and address[0] in _ANY:
            if self.family == socket.AF_INET:
                host = _POD_IP
            else:
                # An IPv4-mapped address needs a dual-stack socket.
                self.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                host = "::ffff:" + _POD_IP
            address = (host,) + tuple(address[1:])
        return _bind(self, address)

    socket.socket.bind = _pod_bind
