# StreamReader fed by hand: reads at and past the end of the stream, and the two errors of readuntil.
import asyncio


async def main():
    r = asyncio.StreamReader()
    r.feed_data(b"ab\ncd")
    r.feed_eof()
    print(await r.readline(), r.at_eof())
    print(await r.readline(), r.at_eof())
    print(await r.readline(), await r.read(10), await r.read(), r.at_eof())

    r = asyncio.StreamReader()
    r.feed_data(b"abc")
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial, e.expected, e)
    print(await r.readexactly(0), await r.read(0), r.at_eof())

    r = asyncio.StreamReader()
    r.feed_data(b"xyz-")
    r.feed_eof()
    try:
        await r.readuntil(b"--")
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial, e.expected, e)

    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"abcdefgh\nrest")
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("overrun", e.consumed, e)
    try:
        await r.readuntil(b"!")
    except asyncio.LimitOverrunError as e:
        print("overrun", e.consumed, e)
    print(await r.read(100))

    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"abcdefgh\nxy\n")
    try:
        await r.readline()
    except ValueError as e:
        print("ValueError", e)
    print(await r.readline())

    r = asyncio.StreamReader()
    r.feed_data(b"a==b--c")
    print(await r.readuntil((b"--", b"==")), await r.readuntil((b"c", b"b--")))
    r.feed_data(b"tail")
    r.feed_eof()
    print(await r.read(), r.at_eof())


asyncio.run(main())
