package io.mxcp.kernel.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What identifies one version of a dropped file: its modification time and length. */
record FileStamp(long modifiedMillis, long size) {

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.lastModifiedTime().toMillis(), attributes.size());
    }
}
