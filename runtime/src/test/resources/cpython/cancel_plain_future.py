# A task awaiting a plain future: cancelling the task cancels the future (same message).
import asyncio
async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("waiter", repr(e))
        raise
async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    t.cancel("bye")
    print(fut.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main", repr(e))
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("future", repr(e))
asyncio.run(main())
