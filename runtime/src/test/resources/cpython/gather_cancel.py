# Cancelling the gather future cancels the children and the gather raises CancelledError; a child cancelled on
# its own makes the gather raise CancelledError (return_exceptions: a CancelledError in the list).
import asyncio
async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(e))
        raise
async def main():
    g = asyncio.gather(sleeper("a"), sleeper("b"))
    await asyncio.sleep(0)
    print("cancel gather:", g.cancel("stop"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", repr(e), g.cancelled())
    c = asyncio.create_task(sleeper("c"))
    d = asyncio.create_task(asyncio.sleep(0.01, "d"))
    g2 = asyncio.gather(c, d)
    await asyncio.sleep(0)
    c.cancel("only c")
    try:
        await g2
    except asyncio.CancelledError as e:
        print("g2 raised", repr(e), g2.cancelled())
    e = asyncio.create_task(sleeper("e"))
    g3 = asyncio.gather(e, asyncio.sleep(0.01, "f"), return_exceptions=True)
    await asyncio.sleep(0)
    e.cancel("only e")
    print(await g3)
asyncio.run(main())
