package demo;

import com.example.Asyncio;
import com.example.annotations.*;

/** A different class named Asyncio, and an Async annotation from another package: not jasyncio's. */
class OtherAsyncio {

    @Async
    String notOurs() {
        return Asyncio.await(Asyncio.sleep(1));
    }

    Runnable reference() {
        return Asyncio::await;
    }
}
