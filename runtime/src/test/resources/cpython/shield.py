# shield: cancelling the task awaiting a shield leaves the inner work running; cancelling the shield future
# itself too; cancelling the inner work cancels the shield.
import asyncio
async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name
async def waiter(aw):
    try:
        return await asyncio.shield(aw)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise
async def main():
    inner = asyncio.create_task(work("inner", 0.1))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled:", w.cancelled(), "inner cancelled:", inner.cancelled())
    print(await inner)
    inner2 = asyncio.create_task(work("inner2", 0.01))
    s = asyncio.shield(inner2)
    s.cancel()
    print(await inner2, s.cancelled())
    inner3 = asyncio.create_task(work("inner3", 1))
    s3 = asyncio.shield(inner3)
    await asyncio.sleep(0)
    inner3.cancel()
    try:
        await s3
    except asyncio.CancelledError:
        print("shield cancelled with its inner:", s3.cancelled())
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)
    print(asyncio.shield(done) is done)
asyncio.run(main())
