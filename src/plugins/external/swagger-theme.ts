// The Swagger UI dressed as IsCoolGPT: title, icon, top-bar logo and colours of the web page (public/styles.css),
// instead of the plugin's defaults (Fastify's logo, "Swagger UI" as the tab title).
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui'

/** The web page's mark (public/favicon.svg) beside the name, white on the top bar. */
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="188" height="40" viewBox="0 0 188 40">
<rect x="2" y="4" width="32" height="32" rx="9" fill="#ffffff" fill-opacity="0.16"/>
<path d="M13 16 18 25.5 23 16" fill="none" stroke="#c7d2fe" stroke-width="2" stroke-linejoin="round"/>
<circle cx="13" cy="16" r="3.2" fill="#fff"/><circle cx="23" cy="16" r="3.2" fill="#fff"/><circle cx="18" cy="25.5" r="3.2" fill="#fff"/>
<text x="44" y="27" fill="#fff" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="20" font-weight="650">IsCoolGPT API</text>
</svg>`

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="9" fill="#4f46e5"/><path d="M11 12 16 21.5 21 12" fill="none" stroke="#c7d2fe" stroke-width="2" stroke-linejoin="round"/><circle cx="11" cy="12" r="3.2" fill="#fff"/><circle cx="21" cy="12" r="3.2" fill="#fff"/><circle cx="16" cy="21.5" r="3.2" fill="#fff"/></svg>'

// The top bar in the page's accent; its "Explore" box (load another document by URL) is hidden: this UI documents
// this service only. Swagger UI's own logo is hidden until the script puts ours in its place.
const CSS = `.swagger-ui .topbar { background: #4338ca; padding: 6px 0; }
.swagger-ui .topbar .download-url-wrapper { display: none; }
.swagger-ui .topbar-wrapper .link svg { display: none; }
.swagger-ui .topbar-wrapper .link img { height: 40px; }
.swagger-ui .info .title small.version-stamp { background-color: #4f46e5; }
.swagger-ui .btn.execute, .swagger-ui .btn.authorize { border-color: #4f46e5; }
.swagger-ui .btn.execute { background-color: #4f46e5; }
.swagger-ui .btn.authorize { color: #4338ca; }
.swagger-ui .btn.authorize svg { fill: #4338ca; }
`

export const SWAGGER_UI_BRANDING: Pick<FastifySwaggerUiOptions, 'logo' | 'theme'> = {
  logo: { type: 'image/svg+xml', content: Buffer.from(LOGO), href: '/', target: '_self' },
  theme: {
    title: 'IsCoolGPT API · docs',
    favicon: [{ filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: Buffer.from(ICON) }],
    css: [{ filename: 'iscoolgpt.css', content: CSS }]
  }
}
