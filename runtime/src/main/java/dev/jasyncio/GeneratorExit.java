package dev.jasyncio;

/**
 * Python's {@code GeneratorExit}: thrown into an async generator's body, at the {@code emit} it is suspended at,
 * when the generator is closed ({@link AsyncGenerator#aclose()}, or a {@code for} over it left early), so its
 * {@code finally} blocks run. An {@link Error}, like {@link CancelledError}, so {@code catch (Exception e)} does not
 * swallow it; a body that catches it must not emit again.
 */
public final class GeneratorExit extends Error {

    private static final long serialVersionUID = 1L;

    public GeneratorExit() {
        super(null, null, false, false);
    }
}
