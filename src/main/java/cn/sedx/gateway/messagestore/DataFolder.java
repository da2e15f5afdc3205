package cn.sedx.gateway.messagestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Makes the data folder ({@code sedx.data-dir}) and the folders of the H2 database and the Artemis journal readable
 * by their owner only (700), and the H2 file itself (600), before anything opens them: it runs as a bean-factory
 * post-processor, ahead of every data source and broker bean. The H2 file is created empty with its mode (H2 takes
 * an empty file as a new database); folders and files an older install left open are closed down too. Where the
 * file system has no POSIX permissions, says so once and does nothing.
 */
final class DataFolder implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final String H2_FILE = "jdbc:h2:file:";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            log.warn("the file system has no POSIX permissions: the data folder's access is left to its owner");
            return;
        }
        Path data = Path.of(environment.getProperty("sedx.data-dir", "./data")).toAbsolutePath();
        folder(data);
        String artemis = environment.getProperty("spring.artemis.embedded.data-directory");
        if (artemis != null) {
            folder(Path.of(artemis));
        }
        h2File(environment.getProperty("spring.datasource.url", ""));
    }

    /** Creates {@code folder} (and missing parents) with mode 700, or sets it on an existing one. */
    static void folder(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                Files.setPosixFilePermissions(folder, FOLDER);
            } else {
                FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FOLDER);
                Files.createDirectories(folder, mode);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder + " private to its owner", e);
        }
    }

    /** Creates an empty file with mode 600 unless it exists; sets the mode on an existing one. */
    static void file(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " private to its owner", e);
        }
    }

    private static void h2File(String url) {
        if (!url.startsWith(H2_FILE)) {
            return;
        }
        String path = url.substring(H2_FILE.length());
        Path database = Path.of(path.contains(";") ? path.substring(0, path.indexOf(';')) : path).toAbsolutePath();
        folder(database.getParent());
        file(Path.of(database + ".mv.db"));
        try (Stream<Path> others = Files.list(database.getParent())) {
            List<Path> files = others.filter(Files::isRegularFile).toList();
            for (Path other : files) {
                Files.setPosixFilePermissions(other, FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the files of " + database.getParent() + " private", e);
        }
    }
}
