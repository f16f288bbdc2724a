/**
 * What transformed code and the runtime's hand-written coroutines call: the frame base class
 * {@link dev.jasyncio.internal.AsyncFrame}, the await protocol in {@link dev.jasyncio.internal.AsyncSupport}, the
 * {@link dev.jasyncio.internal.Instrumented} mark the transformer leaves on every class it wrote. Public only because
 * generated code in user packages must reach it; not part of the API, and the transformer names it by string, so a
 * change here is a change to the transformer's names as well.
 */
package dev.jasyncio.internal;
