# A task cancelled from outside while in a timeout scope gets CancelledError, not TimeoutError, even if the
# deadline passes too.
import asyncio
async def body():
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("never")
async def both():
    async with asyncio.timeout(0.01):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("first cancellation (the timeout)")
        asyncio.current_task().cancel("outside")
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    t.cancel("from main")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", repr(e))
    t = asyncio.create_task(both())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), t.cancelling())
asyncio.run(main())
