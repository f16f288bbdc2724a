# Cancelling a task forwards the cancel to the task it awaits; if that one swallows it and returns, the outer
# task is not cancelled and gets the value (its cancelling() count stays 1).
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("stubborn swallows", repr(e))
        return "swallowed"
async def outer(inner_task):
    r = await inner_task
    print("outer got", r)
    await asyncio.sleep(0)
    print("outer still running")
    return r
async def main():
    inner = asyncio.create_task(stubborn())
    o = asyncio.create_task(outer(inner))
    await asyncio.sleep(0)
    print("cancel outer:", o.cancel("msg"))
    print(await o, o.cancelled(), o.cancelling(), inner.cancelled(), inner.cancelling())
asyncio.run(main())
