/**
 * The sample customer website: the page a site owner embeds <chat-widget> into. In production
 * the script is `<script type="module" src="https://your-server/dist/chat-widget.js">` and the
 * element names the server with `server-url`; here the reference server serves both.
 */
import '../src/components/chat-widget/chat-widget.js';
