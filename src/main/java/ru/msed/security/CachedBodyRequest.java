package ru.msed.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose JSON body was read once (up to a limit) to be checked, and is replayed to the chain. */
class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean tooLarge;

    CachedBodyRequest(HttpServletRequest request, int limit) throws IOException {
        super(request);
        if (limit <= 0) {
            body = null;
            tooLarge = false;
            return;
        }
        InputStream in = request.getInputStream();
        byte[] read = in.readNBytes(limit + 1);
        tooLarge = read.length > limit;
        body = read;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    /** The body read for checking; empty when it was not read (not JSON: multipart uploads). */
    byte[] body() {
        return body == null ? new byte[0] : body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream replay = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return replay.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return replay.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return replay.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public int getContentLength() {
        return body == null ? super.getContentLength() : body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body == null ? super.getContentLengthLong() : body.length;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (body == null) {
            return super.getReader();
        }
        Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
