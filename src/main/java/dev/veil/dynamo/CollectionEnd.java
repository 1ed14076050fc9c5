package dev.veil.dynamo;

import java.util.Arrays;

import dev.veil.model.DynamoType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The greatest sort key DynamoDB can hold, per key type: an ExclusiveStartKey at a collection's
 * partition key with this sort key continues a Scan after the end of that collection.
 *
 * <ul>
 *   <li>S sorts by UTF-8 bytes and is at most 1,024 bytes; the greatest valid UTF-8 sequence is
 *   U+10FFFF ({@code F4 8F BF BF}) repeated 256 times: no byte may exceed {@code F4}, and a
 *   longer key is refused.</li>
 *   <li>N sorts by value; the greatest is {@code 9.9999999999999999999999999999999999999E+125}
 *   (38 significant digits, DynamoDB's maximum).</li>
 *   <li>B sorts by unsigned bytes: 1,024 bytes of {@code FF}.</li>
 * </ul>
 * An item whose sort key is exactly this value is skipped with the rest of its collection; a
 * table without a sort key has one item per collection and never needs a skip.
 */
final class CollectionEnd {

    static final String GREATEST_STRING = "\uDBFF\uDFFF".repeat(256);
    static final String GREATEST_NUMBER = "9.9999999999999999999999999999999999999E+125";
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private CollectionEnd() {
    }

    /** The greatest value of a sort key of {@code type} (S, N or B). */
    static AttributeValue greatest(DynamoType type) {
        return switch (type) {
            case S -> AttributeValue.fromS(GREATEST_STRING);
            case N -> AttributeValue.fromN(GREATEST_NUMBER);
            case B -> {
                byte[] bytes = new byte[MAX_SORT_KEY_BYTES];
                Arrays.fill(bytes, (byte) 0xFF);
                yield AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
            }
            default -> throw new IllegalArgumentException("a sort key is S, N or B, not " + type);
        };
    }
}
