package dev.jasyncio.testing;

/** Exceptions named as Python's, so that {@link Py#repr} prints what CPython prints. */
public final class PyErrors {

    private PyErrors() {
    }

    /** Python's {@code ValueError}. */
    public static final class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ValueError(String message) {
            super(message);
        }
    }

    /** Python's {@code KeyError}. */
    public static final class KeyError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KeyError(String message) {
            super(message);
        }
    }

    /** Python's {@code TypeError}. */
    public static final class TypeError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TypeError(String message) {
            super(message);
        }
    }

    /** Python's {@code ZeroDivisionError}. */
    public static final class ZeroDivisionError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ZeroDivisionError(String message) {
            super(message);
        }
    }
}
