package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens below the handlers, on a real server and raw sockets: request lines Undertow's parser would
 * answer with a bare 400 (a bad percent escape) or would serve though it should not ({@code HTTP/9.9}) get a
 * problem+json answer — on the first request of a connection, on a later one of a kept-alive connection,
 * and when the line arrives in pieces — and everything else on the connection works as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLineGuardIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    SeededServer server;

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(5, 2));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUnsupportedMajorVersionGets505ProblemAndTheConnectionCloses() throws IOException {
        for (String version : List.of("HTTP/9.9", "HTTP/2.0", "HTTP/0.9")) {
            try (Socket socket = connect()) {
                send(socket, "GET /movies/1 " + version + "\r\nHost: x\r\n\r\n");
                Response answer = readUntilClosed(socket).getFirst();

                assertThat(answer.status).as(version).isEqualTo(505);
                assertProblem(answer, 505, null);
                assertThat(answer.json().get("detail").asText()).contains(version);
                assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
            }
        }
    }

    @Test
    void aLaterMinorVersionOfHttp1IsServedAsHttp11() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /movies/1 HTTP/1.2\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(readUntilClosed(socket).getFirst().status).isEqualTo(200);
        }
    }

    @Test
    void aBadEscapeOnALaterRequestOfAKeptAliveConnectionNamesItsParameter() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /movies/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            Response first = readOne(socket.getInputStream());
            send(socket, "GET /movies/2 HTTP/1.1\r\nHost: x\r\n\r\n");
            Response second = readOne(socket.getInputStream());
            send(socket, "GET /movies/?cursor=%%% HTTP/1.1\r\nHost: x\r\n\r\n");
            Response third = readOne(socket.getInputStream());

            assertThat(first.status).isEqualTo(200);
            assertThat(second.status).isEqualTo(200);
            assertProblem(third, 400, "cursor");
            assertThat(third.json().get("detail").asText()).contains("percent escape");
            assertThat(socket.getInputStream().read()).as("closed after the refusal").isEqualTo(-1);
        }
    }

    @Test
    void aLaterRequestAfterOneWithABodyIsCheckedToo() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /movies/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}");
            Response first = readOne(socket.getInputStream());
            send(socket, "GET /movies/1 HTTP/7.0\r\nHost: x\r\n\r\n");
            Response second = readOne(socket.getInputStream());

            assertThat(first.status).isEqualTo(405); // writes are not configured here; the body was read
            assertProblem(second, 505, null);
        }
    }

    @Test
    void aRequestLineArrivingInPiecesIsCheckedWhenWhole() throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            for (String piece : List.of("GET /movies/?q=ab", "c%Z", "Z&limit=2 HT", "TP/1.1\r\nHost: x\r\n\r\n")) {
                send(socket, piece);
                Thread.sleep(50); // separate TCP segments, so the server reads the line in pieces
            }
            assertProblem(readUntilClosed(socket).getFirst(), 400, "q");
        }
    }

    @Test
    void aGoodRequestLineArrivingInPiecesIsServedAndTheConnectionKeptAlive() throws IOException,
            InterruptedException {
        try (Socket socket = connect()) {
            for (String piece : List.of("GE", "T /movies/?limit=1 HTTP/1", ".1\r\nHo", "st: x\r\n\r\n")) {
                send(socket, piece);
                Thread.sleep(50);
            }
            Response first = readOne(socket.getInputStream());
            send(socket, "GET /movies/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            Response second = readOne(socket.getInputStream());

            assertThat(first.status).isEqualTo(200);
            assertThat(first.json().size()).isEqualTo(1);
            assertThat(second.status).isEqualTo(200);
        }
    }

    @Test
    void pipelinedRequestsAreAllServed() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /movies/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /movies/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /movies/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(readUntilClosed(socket)).extracting(response -> response.status).containsExactly(200, 200, 200);
        }
    }

    @Test
    void aBadRequestPipelinedBehindAGoodOneStillGetsAProblem() throws IOException {
        // Read with the first request, the second line cannot be checked before the parser: the parser
        // refuses it, and its bare 400 is replaced by a problem saying the request could not be read.
        try (Socket socket = connect()) {
            send(socket, "GET /movies/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /movies/?cursor=%%% HTTP/1.1\r\nHost: x\r\n\r\n");
            List<Response> answers = readUntilClosed(socket);

            assertThat(answers).extracting(response -> response.status).containsExactly(200, 400);
            assertProblem(answers.get(1), 400, null);
        }
    }

    @Test
    void aMalformedHeaderGetsAProblemInsteadOfTheParsersBare400() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /movies/1 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
            Response answer = readUntilClosed(socket).getFirst();

            assertProblem(answer, 400, null);
            assertThat(answer.json().get("detail").asText()).contains("could not be read");
        }
    }

    @Test
    void theServerStillAnswersNormallyAfterAllOfIt() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(readUntilClosed(socket).getFirst().status).isEqualTo(200);
        }
    }

    private static void assertProblem(Response answer, int status, String parameter) {
        assertThat(answer.status).isEqualTo(status);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (parameter != null) {
            assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.api.base().getHost(), server.api.base().getPort());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static List<Response> readUntilClosed(Socket socket) throws IOException {
        List<Response> answers = new ArrayList<>();
        InputStream in = socket.getInputStream();
        Response answer;
        while ((answer = readOneOrNull(in)) != null) {
            answers.add(answer);
        }
        return answers;
    }

    private static Response readOne(InputStream in) throws IOException {
        Response answer = readOneOrNull(in);
        assertThat(answer).as("a response before the connection closed").isNotNull();
        return answer;
    }

    /** One response framed by its Content-Length (every response here has one), or null at end of stream. */
    private static Response readOneOrNull(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        if (head.size() == 0) {
            return null;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Response response = new Response(Integer.parseInt(lines[0].split(" ")[1]));
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            response.headers.add(new String[] {lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip()});
        }
        String length = response.header("content-length");
        response.body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return response;
    }

    private static final class Response {
        final int status;
        final List<String[]> headers = new ArrayList<>();
        byte[] body;

        Response(int status) {
            this.status = status;
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }
}
