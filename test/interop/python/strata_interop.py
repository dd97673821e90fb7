#!/usr/bin/env python3
"""Drives Strata from Python's gRPC, with code generated from the .proto files at run time.

Usage: strata_interop.py SERVICE_ADDRESS TOPIC [--out-dir DIR] [--proto-dir DIR]

Looks the topic up, produces 1,000 messages in batches and checks every receipt, consumes them all
back from EARLIEST on an Exclusive subscription (in order, exactly once) and acks each, then
reconnects the subscription and checks nothing comes again. Prints one JSON summary line and exits
0, or prints why on stderr and exits 1. Every wait has a timeout, so it never hangs.

Standard library and grpc only (Debian: python3-grpcio, python3-grpc-tools).
"""

import argparse
import json
import os
import queue
import shutil
import sys
import tempfile
import threading
import time

MESSAGES = 1000
BATCH_SIZE = 100
STEP_TIMEOUT_S = 20.0
# A backstop deadline on every call, beyond the per-step timeouts.
CALL_DEADLINE_S = 120.0
SUBSCRIPTION = "python-interop"
# No proxy between us and a loopback gateway, whatever http_proxy says.
CHANNEL_OPTIONS = [("grpc.enable_http_proxy", 0)]


class InteropError(Exception):
    pass


def check(condition, message, *args):
    if not condition:
        raise InteropError(message % args if args else message)


def generate(proto_dir, out_dir):
    """Runs protoc (bundled with grpc_tools) on the public messaging proto, into out_dir."""
    from grpc_tools import protoc

    proto = "strata/v1/messaging.proto"
    code = protoc.main(
        [
            "grpc_tools.protoc",
            "-I",
            proto_dir,
            "--python_out=" + out_dir,
            "--grpc_python_out=" + out_dir,
            proto,
        ]
    )
    check(code == 0, "protoc failed on %s", os.path.join(proto_dir, proto))
    sys.path.insert(0, out_dir)
    from strata.v1 import messaging_pb2, messaging_pb2_grpc

    return messaging_pb2, messaging_pb2_grpc


class _End:
    """The response stream ended: cleanly (error None) or with an RpcError."""

    def __init__(self, error=None):
        self.error = error


def describe(end):
    if end.error is None:
        return "a clean end of stream"
    error = end.error
    trailers = dict(
        (key, value)
        for key, value in (error.trailing_metadata() or ())
        if key.startswith("strata-")
    )
    return "%s: %s %s" % (error.code().name, error.details(), trailers or "")


def brief(response):
    """A response for an error message: a delivery without its (large) batch bytes."""
    kind = response.WhichOneof("response")
    if kind == "delivery":
        d = response.delivery
        return "delivery of entry %d:%d (%d messages, redelivery %d, acked indexes %s)" % (
            d.id.ledger_id,
            d.id.entry_id,
            d.message_count,
            d.redelivery_count,
            list(d.acked_indexes),
        )
    text = "%s { %s }" % (kind, str(getattr(response, kind)).replace("\n", " ").strip())
    return text if len(text) <= 300 else text[:300] + "..."


class BidiStream:
    """A bidi call fed from a queue, its responses read by a thread so every wait can time out."""

    def __init__(self, method, name):
        self.name = name
        self._requests = queue.Queue()
        self._responses = queue.Queue()
        self._ended = None
        self._call = method(self._request_iterator(), timeout=CALL_DEADLINE_S)
        threading.Thread(target=self._read, daemon=True).start()

    def _request_iterator(self):
        while True:
            request = self._requests.get()
            if request is None:
                return
            yield request

    def _read(self):
        import grpc

        try:
            for response in self._call:
                self._responses.put(response)
            self._responses.put(_End())
        except grpc.RpcError as error:
            self._responses.put(_End(error))

    def send(self, request):
        self._requests.put(request)

    def poll(self, timeout):
        """The next response within timeout, or None; raises if the stream ends."""
        try:
            item = self._responses.get(timeout=max(timeout, 0))
        except queue.Empty:
            return None
        if isinstance(item, _End):
            self._ended = item
            raise InteropError("%s ended early: %s" % (self.name, describe(item)))
        return item

    def recv(self, what, timeout=STEP_TIMEOUT_S):
        """The next response; raises if none comes within timeout or the stream ends."""
        item = self.poll(timeout)
        check(item is not None, "%s: no %s within %.1f s", self.name, what, timeout)
        return item

    def close(self, timeout=STEP_TIMEOUT_S):
        """Half-closes, then waits for the server to end the stream (so it has let go of us)."""
        self._requests.put(None)
        deadline = time.monotonic() + timeout
        while self._ended is None:
            item = self._responses.get(timeout=max(deadline - time.monotonic(), 0))
            if isinstance(item, _End):
                self._ended = item
            else:
                raise InteropError("%s: unexpected %s while closing" % (self.name, brief(item)))
        check(self._ended.error is None, "%s ended with %s", self.name, describe(self._ended))

    def cancel(self):
        self._requests.put(None)
        self._call.cancel()

    def __enter__(self):
        return self

    def __exit__(self, kind, _value, _traceback):
        # On any failure, or a close that timed out (queue.Empty): never leave the call running.
        if kind is not None:
            self.cancel()
            if kind is queue.Empty:
                raise InteropError("%s: the server did not end the stream in time" % self.name)
        return False


def expected_message(i):
    """Message i: a distinct payload, a key in every other batch, properties, a sequence id."""
    batch = i // BATCH_SIZE
    return {
        "payload": ("message-%d" % i).encode(),
        # Every message of an even batch has the batch's key (SendBatch.key says so); odd: none.
        "key": "key-%d" % batch if batch % 2 == 0 else "",
        "properties": {"index": str(i), "batch": str(batch), "origin": "python"},
        "sequence_id": i,
    }


def produce(pb, stub, topic):
    with BidiStream(stub.Produce, "Produce") as stream:
        open_request = pb.ProducerOpen(topic=topic, properties={"client": "python-grpc"})
        stream.send(pb.ProduceRequest(open=open_request))
        opened = stream.recv("ProducerOpened")
        check(opened.WhichOneof("response") == "opened", "expected opened, got %s", brief(opened))
        producer_name = opened.opened.producer_name
        check(producer_name, "the gateway gave the producer no name")

        # Every batch is sent at once; each is answered by its request id.
        counts = {}
        for first in range(0, MESSAGES, BATCH_SIZE):
            request_id = len(counts) + 1
            batch = pb.MessageBatch()
            for i in range(first, min(first + BATCH_SIZE, MESSAGES)):
                batch.messages.add(event_time_ms=int(time.time() * 1000), **expected_message(i))
            counts[request_id] = len(batch.messages)
            send = pb.SendBatch(
                request_id=request_id,
                batch=batch.SerializeToString(),
                message_count=len(batch.messages),
                first_sequence_id=first,
                key=expected_message(first)["key"],
            )
            stream.send(pb.ProduceRequest(send=send))

        receipts = {}
        while len(receipts) < len(counts):
            response = stream.recv("receipt (%d of %d so far)" % (len(receipts), len(counts)))
            kind = response.WhichOneof("response")
            if kind == "error":
                e = response.error
                raise InteropError(
                    "batch %d refused: %s %s (retriable: %s)"
                    % (e.request_id, e.code, e.message, e.retriable)
                )
            check(kind == "receipt", "expected a receipt, got %s", brief(response))
            r = response.receipt
            check(r.request_id in counts, "a receipt for unknown request id %d", r.request_id)
            check(r.request_id not in receipts, "two receipts for request id %d", r.request_id)
            check(
                r.message_count == counts[r.request_id],
                "receipt %d counts %d messages, %d were sent",
                r.request_id,
                r.message_count,
                counts[r.request_id],
            )
            check(r.first.batch_index == 0, "receipt %d: batch_index not 0", r.request_id)
            check(r.first.partition == -1, "receipt %d: partition not -1", r.request_id)
            check(r.publish_time_ms > 0, "receipt %d has no publish time", r.request_id)
            receipts[r.request_id] = (r.first.ledger_id, r.first.entry_id)
        stream.close()

    # One producer, one partition: stored in send order, one entry per batch.
    positions = [receipts[request_id] for request_id in sorted(receipts)]
    check(
        positions == sorted(set(positions)),
        "batches not stored in send order: %s",
        positions,
    )
    return producer_name, len(counts)


def subscribe(pb, stub, topic):
    stream = BidiStream(stub.Consume, "Consume")
    request = pb.Subscribe(
        topic=topic,
        subscription=SUBSCRIPTION,
        type=pb.EXCLUSIVE,
        initial_position=pb.EARLIEST,
        consumer_name="python-consumer",
    )
    with stream:
        stream.send(pb.ConsumeRequest(subscribe=request))
        response = stream.recv("Subscribed")
        kind = response.WhichOneof("response")
        check(kind == "subscribed", "expected subscribed, got %s", brief(response))
    return stream


def consume(pb, stub, topic, producer_name):
    consumed = acked = deliveries = 0
    with subscribe(pb, stub, topic) as stream:
        # A receiver queue of two batches, refilled as each delivery is handled.
        stream.send(pb.ConsumeRequest(flow=pb.Flow(messages=2 * BATCH_SIZE)))
        while consumed < MESSAGES:
            response = stream.recv("delivery (%d of %d messages so far)" % (consumed, MESSAGES))
            kind = response.WhichOneof("response")
            check(kind == "delivery", "expected a delivery, got %s", brief(response))
            d = response.delivery
            deliveries += 1
            check(
                d.redelivery_count == 0 and not d.acked_indexes,
                "unexpected redelivery: %s",
                brief(response),
            )
            check(
                d.producer_name == producer_name,
                "a delivery from producer %r, not %r",
                d.producer_name,
                producer_name,
            )
            batch = pb.MessageBatch.FromString(d.batch)
            check(
                len(batch.messages) == d.message_count,
                "a delivery holds %d messages, its message_count says %d",
                len(batch.messages),
                d.message_count,
            )
            ids = []
            for index, message in enumerate(batch.messages):
                # In order and exactly once: each message is the next one expected.
                check(consumed < MESSAGES, "more than %d messages delivered", MESSAGES)
                want = expected_message(consumed)
                got = {
                    "payload": message.payload,
                    "key": message.key,
                    "properties": dict(message.properties),
                    "sequence_id": message.sequence_id,
                }
                check(got == want, "message %d: expected %s, got %s", consumed, want, got)
                consumed += 1
                ids.append(
                    pb.MessageId(
                        ledger_id=d.id.ledger_id,
                        entry_id=d.id.entry_id,
                        batch_index=index,
                        partition=d.id.partition,
                    )
                )
            # One id per message: individual acks.
            stream.send(pb.ConsumeRequest(ack=pb.Ack(ids=ids)))
            acked += len(ids)
            stream.send(pb.ConsumeRequest(flow=pb.Flow(messages=d.message_count)))
        # Nothing beyond the 1,000, though we hold permits; this wait also covers the gateway's
        # ack persistence interval (100 ms) before we leave.
        extra = stream.poll(0.5)
        check(extra is None, "unexpected %s after the last message", extra and brief(extra))
        stream.close()
    return consumed, acked, deliveries


def check_nothing_redelivered(pb, stub, topic):
    """Reconnects the subscription: every ack was persisted, so nothing comes again."""
    with subscribe(pb, stub, topic) as stream:
        stream.send(pb.ConsumeRequest(flow=pb.Flow(messages=MESSAGES)))
        extra = stream.poll(1.0)
        check(
            extra is None,
            "after every message was acked, the subscription delivered again: %s",
            extra and brief(extra),
        )
        stream.close()


def run(address, topic, out_dir, proto_dir):
    import grpc

    started = time.monotonic()
    pb, pb_grpc = generate(proto_dir, out_dir)

    with grpc.insecure_channel(address, options=CHANNEL_OPTIONS) as channel:
        stub = pb_grpc.MessagingStub(channel)
        lookup = stub.Lookup(pb.LookupRequest(topic=topic), timeout=STEP_TIMEOUT_S)
    check(lookup.owner_address, "the lookup gave no owner address")
    check(lookup.topic.startswith("persistent://"), "the lookup gave topic %r", lookup.topic)

    # Connect where the lookup says, as any client must.
    with grpc.insecure_channel(lookup.owner_address, options=CHANNEL_OPTIONS) as channel:
        grpc.channel_ready_future(channel).result(timeout=STEP_TIMEOUT_S)
        stub = pb_grpc.MessagingStub(channel)
        producer_name, batches = produce(pb, stub, topic)
        consumed, acked, deliveries = consume(pb, stub, topic, producer_name)
        check_nothing_redelivered(pb, stub, topic)

    return {
        "produced": MESSAGES,
        "consumed": consumed,
        "acked": acked,
        "redelivered": 0,
        "batches": batches,
        "deliveries": deliveries,
        "topic": lookup.topic,
        "owner": lookup.owner_address,
        "producer": producer_name,
        "grpc": grpc.__version__,
        "seconds": round(time.monotonic() - started, 3),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", help="host:port of any gateway's gRPC endpoint")
    parser.add_argument("topic")
    parser.add_argument("--out-dir", help="where to write the generated code (default: a temp dir)")
    parser.add_argument(
        "--proto-dir",
        default=os.path.normpath(os.path.join(here, "..", "..", "..", "proto")),
        help="the folder that holds strata/v1/messaging.proto",
    )
    args = parser.parse_args()

    try:
        import grpc
        import grpc_tools  # noqa: F401
    except ImportError as error:
        print(
            "strata_interop: %s cannot import grpc and grpc_tools (%s); on Debian: "
            "apt-get install python3-grpcio python3-grpc-tools" % (sys.executable, error),
            file=sys.stderr,
        )
        return 1

    out_dir = args.out_dir or tempfile.mkdtemp(prefix="strata-python-interop-")
    try:
        summary = run(args.address, args.topic, out_dir, args.proto_dir)
    except InteropError as error:
        print("strata_interop: FAILED: %s" % error, file=sys.stderr)
        return 1
    except grpc.FutureTimeoutError:
        print("strata_interop: FAILED: cannot connect to the owner gateway", file=sys.stderr)
        return 1
    except grpc.RpcError as error:
        print("strata_interop: FAILED: %s" % describe(_End(error)), file=sys.stderr)
        return 1
    finally:
        if not args.out_dir:
            shutil.rmtree(out_dir, ignore_errors=True)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
