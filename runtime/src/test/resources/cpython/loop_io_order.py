# Where I/O callbacks go in an iteration: after the wait, behind what was ready already, before due timers.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)

    def on_read():
        print("readable", a.recv(10))
        loop.remove_reader(a)

    def cb():
        print("callback")
        b.send(b"x")
        loop.call_at(loop.time(), lambda: print("timer due"))
        loop.call_soon(lambda: print("soon"))
        loop.add_reader(a, on_read)

    loop.call_soon(cb)
    await asyncio.sleep(0.05)
    print(loop.remove_reader(a))
    a.close()
    b.close()


asyncio.run(main())
