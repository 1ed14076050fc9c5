/**
 * Everything that talks to DynamoDB through the AWS SDK v2: connection settings, the table catalog, the sampler and the Export-to-S3 reader. Converts SDK values into model values.
 */
package dev.veil.dynamo;
