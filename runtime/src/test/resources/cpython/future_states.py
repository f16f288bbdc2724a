# Future states and the InvalidStateError messages (the C Future's wording); callbacks in order, removal counts.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled())
    for m in (f.result, f.exception):
        try:
            m()
        except asyncio.InvalidStateError as e:
            print(repr(e))
    def a(fut): print("a", fut.result())
    def b(fut): print("b", fut.result())
    f.add_done_callback(a)
    f.add_done_callback(b)
    f.add_done_callback(a)
    print("removed", f.remove_done_callback(a))
    print("removed", f.remove_done_callback(a))
    f.set_result(1)
    print(f.done(), f.cancelled(), f.result(), f.exception())
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        print(repr(e))
    try:
        f.set_exception(ValueError("x"))
    except asyncio.InvalidStateError as e:
        print(repr(e))
    print("cancel a done future:", f.cancel())
    await asyncio.sleep(0)
    g = loop.create_future()
    print("cancel:", g.cancel("why"), g.done(), g.cancelled())
    for m in (g.result, g.exception):
        try:
            m()
        except asyncio.CancelledError as e:
            print(repr(e))
    h = loop.create_future()
    err = ValueError("bad")
    h.set_exception(err)
    print(h.exception() is err)
    try:
        h.result()
    except ValueError as e:
        print("result raised the very object:", e is err)
asyncio.run(main())
