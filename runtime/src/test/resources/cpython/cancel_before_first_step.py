# A task cancelled before its first step never runs its body; the message reaches the awaiter.
import asyncio
async def child():
    print("body runs")  # never printed
async def main():
    t = asyncio.create_task(child())
    print(t.cancel("early"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter got", repr(e))
    print(t.done(), t.cancelled())
asyncio.run(main())
