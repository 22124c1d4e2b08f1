"""Reads a Word file through python-docx, Word's object model in Python, and prints
what the tests check as JSON: each paragraph's style, text and link addresses, each
picture's description, the styles' fonts and the document's properties."""

import json
import sys

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
names = {style.name for style in document.styles}
core = document.core_properties
print(
    json.dumps(
        {
            "paragraphs": [
                {"style": p.style.name, "text": p.text, "links": [h.address for h in p.hyperlinks]}
                for p in document.paragraphs
            ],
            "pictures": [d.get("descr") or "" for d in document.element.body.iter(qn("wp:docPr"))],
            "inline_shapes": len(document.inline_shapes),
            "fonts": {
                name: document.styles[name].font.name
                for name in ["Title", "Heading 1", "Heading 2", "Heading 3"]
                if name in names
            },
            "properties": {
                "title": core.title,
                "author": core.author,
                "subject": core.subject,
                "keywords": core.keywords,
                "language": core.language,
            },
        }
    )
)
