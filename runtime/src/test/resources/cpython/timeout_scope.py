# asyncio.timeout: expiry cancels the body at its await and raises TimeoutError caused by the CancelledError;
# expired(), when(), reschedule(); None never expires; the task's cancelling() is back to 0 afterwards.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(1)
            finally:
                print("body cleanup, expired:", cm.expired())
    except TimeoutError as e:
        print("TimeoutError", repr(e.__cause__), cm.expired(), asyncio.current_task().cancelling())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("in time; expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when None:", cm.when())
        await asyncio.sleep(0.01)
    print("none expired:", cm.expired())
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            print("rescheduled:", cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout fired")
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.02)
    print("reschedule(None) disarmed it:", cm.expired())
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print(repr(e))
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("body swallows the cancellation")
    print("swallowed: no error, expired:", cm.expired(), asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("past deadline: expires at the first await")
asyncio.run(main())
