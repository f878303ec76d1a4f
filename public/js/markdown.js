// LLM text is untrusted: Markdown is rendered by marked, then everything passes DOMPurify before it reaches the DOM.
import { Marked } from '../vendor/marked.esm.js'
import DOMPurify from '../vendor/purify.es.mjs'

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = text => text.replace(/[&<>"']/g, c => ESCAPES[c])

// Raw HTML in an answer is shown as the text it is, not parsed: models write tags they mean literally,
// and markup that is never parsed cannot trip the CSP (handlers and style attributes are blocked and reported
// even inside the sanitiser's inert document).
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html ({ text, block }) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)
    }
  }
})

const purifier = DOMPurify(window)

// Images and media are dropped (the CSP would block remote ones anyway, and they can track the reader);
// `class`, `id` and `style` are dropped so an answer cannot borrow the page's own styles or anchors.
const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'img', 'picture', 'source', 'video', 'audio', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true
}

purifier.addHook('afterSanitizeAttributes', node => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? ''
    if (!/^(https?:|mailto:|#)/i.test(href)) node.removeAttribute('href')
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer nofollow')
  }
})

/** Markdown → a sanitised DocumentFragment, with wide tables wrapped so they scroll on small screens. */
export function renderMarkdown (text) {
  const html = marked.parse(text ?? '')
  const fragment = purifier.sanitize(html, CONFIG)
  for (const table of fragment.querySelectorAll('table')) {
    const wrap = document.createElement('div')
    wrap.className = 'table-wrap'
    table.replaceWith(wrap)
    wrap.append(table)
  }
  return fragment
}

/** Replaces the children of `element` with the rendered Markdown. */
export function renderInto (element, text) {
  element.replaceChildren(renderMarkdown(text))
}
