package dev.veil.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Read requests as DynamoDB receives them on the wire (operation and JSON body), built from a
 * small description, so tests can ask IAM about every shape of read: a get, a batch get, a query
 * of the table or an index, a scan, a PartiQL select; with or without a projection.
 *
 * @param operation       {@code GetItem}, {@code BatchGetItem}, {@code Query}, {@code Scan} or
 *                        {@code ExecuteStatement}
 * @param index           the index a query or scan reads
 * @param projection      the top-level attributes projected; empty for no projection
 * @param partitionValues the partition-key values read (one for a get or query, any for a batch)
 */
record WireReads(String operation, Optional<String> index, Optional<List<String>> projection,
                 List<String> partitionValues) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    WireReads {
        partitionValues = List.copyOf(partitionValues);
        projection = projection.map(List::copyOf);
    }

    static WireReads get(String partitionValue, Optional<List<String>> projection) {
        return new WireReads("GetItem", Optional.empty(), projection, List.of(partitionValue));
    }

    static WireReads batchGet(List<String> partitionValues, Optional<List<String>> projection) {
        return new WireReads("BatchGetItem", Optional.empty(), projection, partitionValues);
    }

    static WireReads query(Optional<String> index, String partitionValue, Optional<List<String>> projection) {
        return new WireReads("Query", index, projection, List.of(partitionValue));
    }

    static WireReads scan(Optional<String> index, Optional<List<String>> projection) {
        return new WireReads("Scan", index, projection, List.of());
    }

    static WireReads partiql() {
        return new WireReads("ExecuteStatement", Optional.empty(), Optional.empty(), List.of());
    }

    /** The request body for {@code table} of {@code shape}. */
    JsonNode body(String table, TableShape shape) {
        ObjectNode body = NODES.objectNode();
        switch (operation) {
            case "ExecuteStatement" -> body.put("Statement", "SELECT * FROM \"" + table + "\"");
            case "BatchGetItem" -> {
                ObjectNode forTable = body.putObject("RequestItems").putObject(table);
                partitionValues.forEach(v -> forTable.withArray("Keys").add(key(shape, v)));
                project(forTable);
            }
            case "GetItem" -> {
                body.put("TableName", table);
                body.set("Key", key(shape, partitionValues.get(0)));
                project(body);
            }
            default -> {
                body.put("TableName", table);
                index.ifPresent(i -> body.put("IndexName", i));
                if (operation.equals("Query")) {
                    String partitionKey = index.flatMap(i -> shape.indexes().stream().filter(x -> x.name().equals(i)).findFirst())
                            .map(x -> x.keySchema().partitionKey().name()).orElse(shape.keySchema().partitionKey().name());
                    body.put("KeyConditionExpression", "#k = :k");
                    body.putObject("ExpressionAttributeNames").put("#k", partitionKey);
                    body.putObject("ExpressionAttributeValues").putObject(":k").put("S", partitionValues.get(0));
                }
                project(body);
            }
        }
        return body;
    }

    private void project(ObjectNode body) {
        projection.ifPresent(names -> {
            ObjectNode placeholders = body.has("ExpressionAttributeNames")
                    ? (ObjectNode) body.get("ExpressionAttributeNames") : body.putObject("ExpressionAttributeNames");
            StringBuilder expression = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                placeholders.put("#p" + i, names.get(i));
                expression.append(i == 0 ? "" : ", ").append("#p").append(i);
            }
            body.put("ProjectionExpression", expression.toString());
        });
    }

    private static ObjectNode key(TableShape shape, String partitionValue) {
        ObjectNode key = NODES.objectNode();
        key.putObject(shape.keySchema().partitionKey().name()).put("S", partitionValue);
        shape.keySchema().sortKey().ifPresent(s -> key.putObject(s.name()).put("S", "sort-1"));
        return key;
    }
}
