import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process for FrameworkStorageTest, run by the java source launcher. "hold FILE" locks the file, prints
 * "held" and keeps the lock until its stdin closes; "try FILE" prints whether the file's lock could be taken.
 */
public class LockProbe {
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE)) {
            if (args[0].equals("hold")) {
                channel.lock();
                System.out.println("held");
                System.out.flush();
                System.in.read();
            } else {
                System.out.println(channel.tryLock() == null ? "locked by another process" : "free");
            }
        }
    }
}
