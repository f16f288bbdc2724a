# Event wakes every waiter; Condition: wait/notify(n)/notify_all in FIFO order, wait_for(predicate), and the
# lock must be held.
import asyncio
async def main():
    ev = asyncio.Event()
    async def ev_waiter(name):
        print(name, "waits")
        await ev.wait()
        print(name, "woke")
    ws = [asyncio.create_task(ev_waiter(n)) for n in ("e1", "e2")]
    await asyncio.sleep(0)
    print(ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    print(await ev.wait(), ev.is_set())
    ev.clear()
    print(ev.is_set())
    cond = asyncio.Condition()
    async def cond_waiter(name):
        async with cond:
            print(name, "waits")
            await cond.wait()
            print(name, "notified")
    ws = [asyncio.create_task(cond_waiter(f"c{i}")) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    try:
        await cond.wait()
    except RuntimeError as e:
        print(repr(e))
    try:
        cond.notify()
    except RuntimeError as e:
        print(repr(e))
    state = {"n": 0}
    async def counter():
        for _ in range(3):
            await asyncio.sleep(0)
            async with cond:
                state["n"] += 1
                print("n =", state["n"])
                cond.notify_all()
    c = asyncio.create_task(counter())
    async with cond:
        print(await cond.wait_for(lambda: state["n"] >= 2), state["n"])
    await c
asyncio.run(main())
