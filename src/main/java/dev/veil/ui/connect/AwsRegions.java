package dev.veil.ui.connect;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Region names to offer in the region box: the public AWS regions plus any the config files name. */
public final class AwsRegions {
    private static final List<String> KNOWN = List.of(
            "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
            "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1",
            "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
            "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1",
            "us-gov-west-1", "us-west-1", "us-west-2");

    private AwsRegions() {
    }

    /** The known regions and {@code extra}, sorted, without duplicates. */
    public static List<String> with(Collection<String> extra) {
        TreeSet<String> all = new TreeSet<>(KNOWN);
        extra.stream().filter(s -> !s.isBlank()).forEach(all::add);
        return List.copyOf(all);
    }
}
