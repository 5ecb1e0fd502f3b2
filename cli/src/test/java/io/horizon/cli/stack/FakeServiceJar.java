package io.horizon.cli.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds a runnable jar of {@link FakeServiceMain}, and reads back what the running fake service reports. */
final class FakeServiceJar {

  private FakeServiceJar() {}

  /** Writes {@code dir/fake-service.jar}, whose Main-Class is {@link FakeServiceMain}, and returns its path. */
  static Path build(Path dir) throws IOException {
    String classFile = FakeServiceMain.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServiceMain.class.getName());
    Path jar = dir.resolve("fake-service.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream classBytes = FakeServiceMain.class.getClassLoader().getResourceAsStream(classFile)) {
      out.putNextEntry(new JarEntry(classFile));
      classBytes.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  /** Returns the value of system property {@code name} inside the fake service at {@code httpAddress}. */
  static String property(String httpAddress, String name) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + httpAddress + "/property?" + name)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
