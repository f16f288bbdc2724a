# as_completed (plain iteration): coroutines yielding results in completion order; the timeout raises
# TimeoutError from the remaining ones.
import asyncio
async def work(name, delay):
    await asyncio.sleep(delay)
    return name
async def main():
    for next_done in asyncio.as_completed([work("slow", 0.03), work("fast", 0.01), work("mid", 0.02)]):
        print(await next_done)
    it = asyncio.as_completed([work("quick", 0.01), work("late", 0.5)], timeout=0.03)
    for next_done in it:
        try:
            print(await next_done)
        except TimeoutError as e:
            print("timeout", repr(e))
asyncio.run(main())
