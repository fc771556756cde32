package dev.aicarbon.service.methodology;

/**
 * A methodology consumer read as an ML project and, after a slash, a workload
 * ({@code llm-pretrain/pretrain-7b}). A consumer that is no registered project still shows as
 * itself.
 */
record ConsumerName(String project, String workload) {

    static ConsumerName parse(String consumer) {
        int slash = consumer.indexOf('/');
        if (slash <= 0 || slash == consumer.length() - 1) {
            return new ConsumerName(consumer, null);
        }
        return new ConsumerName(consumer.substring(0, slash), consumer.substring(slash + 1));
    }
}
