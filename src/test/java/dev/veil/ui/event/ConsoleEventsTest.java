package dev.veil.ui.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleEventsTest {
    private final ConsoleEvents events = new ConsoleEvents();

    @Test
    void aSubscriberHearsOnlyTheKindOfChangeItAskedFor() {
        List<String> heard = new ArrayList<>();
        events.on(ConsoleEvent.DecisionsChanged.class, e -> heard.add("decisions " + e.table()));
        events.on(ConsoleEvent.PolicyPublished.class, e -> heard.add("v" + e.version() + " of " + e.table()));

        events.publish(new ConsoleEvent.TableSampled("orders"));
        events.publish(new ConsoleEvent.DecisionsChanged("users"));
        events.publish(new ConsoleEvent.PolicyPublished("users", 3));

        assertThat(heard).containsExactly("decisions users", "v3 of users");
    }

    @Test
    void aSubscriberOfEveryTableChangeHearsEachOfThem() {
        List<String> tables = new ArrayList<>();
        events.on(ConsoleEvent.OfTable.class, e -> tables.add(e.table()));

        events.publish(new ConsoleEvent.WaiverChanged("app_data"));
        events.publish(new ConsoleEvent.ConnectionChanged(java.util.Optional.empty()));
        events.publish(new ConsoleEvent.TableSampled("orders"));

        assertThat(tables).containsExactly("app_data", "orders");
    }

    @Test
    void anEventPublishedWhileOneIsDeliveredReachesEverySubscriber() {
        List<String> heard = new ArrayList<>();
        events.on(ConsoleEvent.WaiverChanged.class, e -> events.publish(new ConsoleEvent.TableSampled(e.table())));
        events.on(ConsoleEvent.TableSampled.class, e -> heard.add("sampled " + e.table()));

        events.publish(new ConsoleEvent.WaiverChanged("users"));

        assertThat(heard).containsExactly("sampled users");
    }
}
