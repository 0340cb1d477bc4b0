import ScriptoriumModel

/// Writes the `standOff`: every entity the document mentions, described once, grouped by type
/// (`listPlace/place`, `listOrg/org`, `listPerson/person`, `listEvent/event`, `listBibl/bibl` for legal
/// instruments, `list type="date"/item` for dates; see `TEI.standOffForm`). Each description's `xml:id` is the
/// entity id, the target of the mentions' `@ref`; it holds the entity's canonical name and, where known,
/// `<idno type="wikidata">`. Nothing is written for a document without entities (an empty `standOff` is not TEI).
struct TEIStandOffWriter {
    func write(_ entities: [EntityRecord], into tree: XMLTree) {
        guard !entities.isEmpty else { return }
        let standOff = tree.element("standOff", in: tree.root, container: true)
        for type in TEI.standOffOrder {
            let group = entities.filter { $0.type == type }
            guard !group.isEmpty else { continue }
            let form = TEI.standOffForm(for: type)
            let list = tree.element(form.list, in: standOff, container: true)
            if let listType = form.listType { tree.attribute("type", listType, on: list) }
            for entity in group {
                let entry = tree.element(form.entry, in: list)
                tree.xmlID(entity.id, on: entry)
                if let entryType = form.entryType { tree.attribute("type", entryType, on: entry) }
                let name = tree.element(form.label, text: entity.name, in: entry)
                if let decade = entity.decadeYears {
                    tree.attribute("from", decade.first, on: name)
                    tree.attribute("to", decade.last, on: name)
                } else if type == .date {
                    tree.attribute("when", entity.isoDate ?? entity.name, on: name)
                }
                if let wikidata = entity.wikidata, !wikidata.isEmpty {
                    let idno = tree.element("idno", text: wikidata, in: entry)
                    tree.attribute("type", "wikidata", on: idno)
                }
            }
        }
    }
}
