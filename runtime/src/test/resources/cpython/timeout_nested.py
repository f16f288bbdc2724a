# Nested timeouts: each scope handles its own expiry only.
import asyncio
async def main():
    try:
        async with asyncio.timeout(0.05) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner expired:", inner.expired(), "outer expired:", outer.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer expired:", outer.expired())
    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("never")
            except asyncio.CancelledError:
                print("inner scope lets the outer's cancellation through, inner expired:", inner.expired())
                raise
    except TimeoutError:
        print("outer got it:", outer.expired(), asyncio.current_task().cancelling())
asyncio.run(main())
