# cancelling() counts requests; uncancel() withdraws them, and at zero a pending cancel is forgotten.
import asyncio
async def body():
    t = asyncio.current_task()
    t.cancel()
    t.cancel()
    print(t.cancelling())
    print(t.uncancel())
    print(t.uncancel())
    print(t.uncancel())
    await asyncio.sleep(0)
    print("not cancelled: the requests were withdrawn")
    t.cancel("again")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("bare yield cancelled", repr(e), t.cancelling())
        t.uncancel()
    await asyncio.sleep(0)
    print("carries on", t.cancelling())
    return "done"
async def main():
    print(await asyncio.create_task(body()))
asyncio.run(main())
