package dev.aicarbon.providers.methodology;

/**
 * A datacenter and the region it belongs to.
 *
 * @param row        spreadsheet row number in the source file (header is row 1)
 * @param datacenter the datacenter's name, as assets and monthly reports refer to it
 * @param region     the region whose consumers share its emissions
 * @param provider   {@code aws}, {@code azure} or {@code gcp} when a public cloud runs it
 *                   (its figures are then estimates of that cloud's); null for a private or
 *                   colocation operator
 */
public record DatacenterRow(int row, String datacenter, String region, String provider) {
}
