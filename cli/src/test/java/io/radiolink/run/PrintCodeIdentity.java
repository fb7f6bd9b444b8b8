package io.radiolink.run;

import java.nio.file.Path;

/**
 * A program for {@link CliJarCodeIdentityIT}: prints where the model classes were loaded from and the code
 * identity computed there, one {@code key value} line each, and how long the computation took.
 */
public final class PrintCodeIdentity {

    private PrintCodeIdentity() {}

    public static void main(String[] args) {
        for (Path location : CodeIdentity.locations()) {
            System.out.println("location " + location);
        }
        long start = System.nanoTime();
        CodeIdentity identity = CodeIdentity.current();
        long nanos = System.nanoTime() - start;
        System.out.println("version " + identity.version());
        System.out.println("commit " + identity.commit());
        System.out.println("dirty " + identity.dirty());
        System.out.println("classesSha256 " + identity.classesSha256());
        System.out.println("millis " + nanos / 1_000_000);
    }
}
