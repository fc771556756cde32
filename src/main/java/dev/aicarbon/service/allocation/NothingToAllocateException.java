package dev.aicarbon.service.allocation;

/** A month has neither emissions nor usage imported, so there is nothing to allocate. */
public class NothingToAllocateException extends RuntimeException {

    public NothingToAllocateException(String message) {
        super(message);
    }
}
