package dev.aicarbon.service.api;

/** The body of every 4xx answer: what went wrong and, where one is at fault, which input. */
public record ApiError(int status, String message, String parameter, String source) {

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, null, null);
    }
}
