/// The pages' shared look, inline in each page (no style sheet to fetch, no web font: the reader's own serif and
/// sans-serif faces), and their common head and foot.
enum PageStyle {
    static let css: StaticString = """
    body{margin:0 auto;max-width:46rem;padding:1.5rem 1rem 4rem;font:1.05rem/1.6 Georgia,"Times New Roman",serif;color:#1d1d1d;background:#fdfcf8}
    h1,h2,h3,h4,h5,h6,nav,footer,table,.meta{font-family:system-ui,"Helvetica Neue",Arial,sans-serif}
    h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0}
    h2{font-size:1.3rem;margin-top:2rem}
    h3,h4,h5,h6{font-size:1.1rem}
    nav,.meta,footer{font-size:.9rem;color:#555}
    a{color:#1a4e8a}
    span[id] a{color:inherit;text-decoration:none;border-bottom:1px dotted #1a4e8a}
    span[id]:target,dt:target{background:#fff2a8}
    .n,.k{color:#777;font-family:system-ui,sans-serif;font-size:.85em;margin-right:.4em}
    pre{white-space:pre-wrap;background:#f3f1ea;padding:.6rem;font-size:.9rem;overflow-x:auto}
    table{border-collapse:collapse;font-size:.9rem;width:100%}
    th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}
    code{font-size:.9em}
    dd{margin:0 0 .4rem 1.5rem}
    """

    /// `<!DOCTYPE html>` up to `<body>`: language, character set, viewport, title, style; and an empty icon as a
    /// `data:` URL, without which a browser asks the server for `/favicon.ico` (a request that fails).
    static func head(_ out: inout HTMLBytes, title: String, language: String) {
        out.raw("<!DOCTYPE html>\n<html")
        out.attribute("lang", language.isEmpty ? "en" : language)
        out.raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>")
        out.text(title)
        out.raw("</title>\n<style>\n")
        out.raw(css)
        out.raw("\n</style>\n")
    }
}
