/// The project's own RELAX NG schema for the TEI it writes.
///
/// It is kept here, as Swift source, rather than as a SwiftPM resource: the schema then travels inside the binary,
/// needs no bundle lookup at run time (a `scriptorium` binary copied elsewhere still finds it) and needs no change
/// to Package.swift. The pipeline writes `text` into every bag beside the TEI files, as `fileName`
/// (`data/tei/scriptorium-tei.rng`), where each TEI document's `<?xml-model?>` and `schemaRef` point, so users can run
/// `xmllint --noout --relaxng scriptorium-tei.rng *.xml` or `jing scriptorium-tei.rng *.xml` on the bag alone.
/// The tests check that libxml2 compiles it, that what the writer produces is valid against it and, where
/// jing and the TEI schemas are installed, that jing accepts it and that the same documents are valid `tei_all`.
public enum TEISchema {
    /// The file name the schema is published under, next to the TEI documents (they refer to it relatively).
    public static let fileName = "scriptorium-tei.rng"

    /// The schema as UTF-8 bytes, for writing into the bag.
    public static var bytes: [UInt8] { Array(text.utf8) }

    /// The schema text (RELAX NG, XML syntax).
    public static let text: String = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Scriptorium TEI: the project's own RELAX NG schema, a TEI P5 customisation that allows exactly what
  scriptorium writes (one TEI document per input document). It is stricter than TEI P5 tei_all (4.9.0) in
  what elements, attributes, orders and values it accepts, so that a document it accepts is also valid
  tei_all; the one exception is the xml:id and @ref of the bulk records (see below), whose form is left
  to the XML parser. Validate with:  xmllint -noout -relaxng scriptorium-tei.rng file.xml
-->
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         ns="http://www.tei-c.org/ns/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">

  <start>
    <ref name="TEI"/>
  </start>

  <!-- ===== Shared attributes and values ===== -->

  <!-- Attributes are written out in each element rather than shared through a define: libxml2 checks an
       element's content with a compiled automaton (its fast path) only when no attribute hides behind a ref.

       xml:id: typed NCName on the elements there are few of (TEI, sections, the standOff's descriptions). On the
       records that come by the thousand (p, item, s and the mentions) it is plain text here: the pipeline has
       checked every record id is an NCName and unique before it writes, and every xml:id-aware parser (libxml2,
       so xmllint and scriptorium validate; jing with tei_all) checks both again when the file is read.
       @ref on a mention: "#" + the xml:id of the entity's description in the standOff; plain text here for the
       same reason (tei_all types it), and scriptorium validate checks that every @ref resolves. -->
  <define name="data.pointer">
    <data type="anyURI"><param name="pattern">\S+</param></data>
  </define>
  <!-- Alternatives in the order libxml2 tries them: most dates in prose are bare years. -->
  <define name="data.isoDate">
    <choice>
      <data type="gYear"/>
      <data type="gYearMonth"/>
      <data type="date"/>
    </choice>
  </define>
  <define name="wikidata">
    <element name="idno">
      <attribute name="type"><value>wikidata</value></attribute>
      <data type="token"><param name="pattern">Q[1-9][0-9]*</param></data>
    </element>
  </define>

  <!-- ===== Document ===== -->

  <define name="TEI">
    <element name="TEI">
      <attribute name="xml:id"><data type="NCName"/></attribute>
      <attribute name="xml:lang"><data type="language"/></attribute>
      <ref name="teiHeader"/>
      <ref name="text"/>
      <optional><ref name="standOff"/></optional>
    </element>
  </define>

  <!-- ===== Header ===== -->

  <define name="teiHeader">
    <element name="teiHeader">
      <element name="fileDesc">
        <element name="titleStmt">
          <element name="title"><text/></element>
          <zeroOrMore><element name="author"><text/></element></zeroOrMore>
        </element>
        <element name="publicationStmt">
          <element name="publisher"><text/></element>
          <element name="idno">
            <attribute name="type"><value>dataset</value></attribute>
            <text/>
          </element>
          <element name="availability">
            <element name="licence">
              <optional><attribute name="target"><ref name="data.pointer"/></attribute></optional>
              <text/>
            </element>
          </element>
          <optional>
            <element name="date">
              <attribute name="when">
                <choice><data type="dateTime"/><data type="date"/></choice>
              </attribute>
              <empty/>
            </element>
          </optional>
        </element>
        <element name="sourceDesc">
          <element name="bibl">
            <element name="title"><text/></element>
            <element name="idno">
              <attribute name="type"><value>path</value></attribute>
              <text/>
            </element>
            <element name="idno">
              <attribute name="type"><value>sha256</value></attribute>
              <data type="token"><param name="pattern">[0-9a-f]{64}</param></data>
            </element>
            <element name="extent">
              <element name="measure">
                <attribute name="unit"><value>byte</value></attribute>
                <attribute name="quantity"><data type="nonNegativeInteger"/></attribute>
                <empty/>
              </element>
              <element name="measure">
                <attribute name="unit"><value>codepoint</value></attribute>
                <attribute name="quantity"><data type="nonNegativeInteger"/></attribute>
                <empty/>
              </element>
            </element>
          </element>
        </element>
      </element>
      <element name="encodingDesc">
        <element name="schemaRef">
          <attribute name="type"><value>customisation</value></attribute>
          <attribute name="url"><ref name="data.pointer"/></attribute>
          <empty/>
        </element>
        <element name="appInfo">
          <element name="application">
            <attribute name="ident"><data type="Name"/></attribute>
            <attribute name="version">
              <data type="token"><param name="pattern">[0-9]+[a-z]*[0-9]*(\.[0-9]+[a-z]*[0-9]*){0,3}</param></data>
            </attribute>
            <element name="label"><text/></element>
            <element name="ptr">
              <attribute name="target"><ref name="data.pointer"/></attribute>
              <empty/>
            </element>
          </element>
        </element>
      </element>
      <element name="profileDesc">
        <element name="langUsage">
          <element name="language">
            <attribute name="ident"><data type="language"/></attribute>
            <empty/>
          </element>
        </element>
        <optional>
          <element name="abstract">
            <element name="p"><text/></element>
          </element>
        </optional>
      </element>
    </element>
  </define>

  <!-- ===== Text ===== -->

  <define name="text">
    <element name="text">
      <!-- The first div is the preamble (the blocks before the first heading) or the first section; its
           attributes and head tell which. A choice between two whole div patterns here would leave libxml2's
           validator tracking a set of states that grows with every section (quadratic in a long document's
           sections) and reporting an error anywhere in the first div at the div. The price: this pattern would
           also accept subsections in a preamble, which the writer never produces. -->
      <element name="body">
        <element name="div">
          <choice>
            <attribute name="type"><value>preamble</value></attribute>
            <group>
              <attribute name="xml:id"><data type="NCName"/></attribute>
              <attribute name="type"><value>section</value></attribute>
              <attribute name="n"><data type="positiveInteger"/></attribute>
              <ref name="head"/>
            </group>
          </choice>
          <zeroOrMore><ref name="block"/></zeroOrMore>
          <zeroOrMore><ref name="div.section"/></zeroOrMore>
        </element>
        <zeroOrMore><ref name="div.section"/></zeroOrMore>
      </element>
    </element>
  </define>

  <!-- A section: its heading, its own blocks, then its subsections (deeper levels). -->
  <define name="div.section">
    <element name="div">
      <attribute name="xml:id"><data type="NCName"/></attribute>
      <attribute name="type"><value>section</value></attribute>
      <attribute name="n"><data type="positiveInteger"/></attribute>
      <ref name="head"/>
      <zeroOrMore><ref name="block"/></zeroOrMore>
      <zeroOrMore><ref name="div.section"/></zeroOrMore>
    </element>
  </define>

  <!-- A section's heading; @n is the heading's number as written ("2.1", "IV", "§ 2"), when it has one.
       An optional attribute (here and on item) is written inside the element, not behind a ref, so libxml2 still
       checks the content with its automaton: an unexpected child is reported as "Did not expect element … there",
       the compiled path's message, and 600,000 s in items validate as fast with @n as without. -->
  <define name="head">
    <element name="head">
      <optional><attribute name="n"><ref name="data.label"/></attribute></optional>
      <text/>
    </element>
  </define>

  <!-- A heading number or list marker: one line, not empty. -->
  <define name="data.label">
    <data type="string"><param name="pattern">[^\r\n]+</param></data>
  </define>

  <!-- Paragraphs, lists of items (@n: the item's marker as written, when it has one), and verbatim blocks: text
       that is not prose (code, tables, commands), kept as written, with no sentences. -->
  <define name="block">
    <choice>
      <element name="p">
        <attribute name="xml:id"><text/></attribute>
        <zeroOrMore><choice><text/><ref name="s"/></choice></zeroOrMore>
      </element>
      <element name="list">
        <oneOrMore>
          <element name="item">
            <attribute name="xml:id"><text/></attribute>
            <optional><attribute name="n"><ref name="data.label"/></attribute></optional>
            <zeroOrMore><choice><text/><ref name="s"/></choice></zeroOrMore>
          </element>
        </oneOrMore>
      </element>
      <element name="ab">
        <attribute name="type"><value>verbatim</value></attribute>
        <attribute name="xml:id"><text/></attribute>
        <text/>
      </element>
    </choice>
  </define>

  <define name="s">
    <element name="s">
      <attribute name="xml:id"><text/></attribute>
      <zeroOrMore><choice><text/><ref name="mention"/></choice></zeroOrMore>
    </element>
  </define>

  <!-- A mention of an entity; its text is cut from the sentence text. -->
  <define name="mention">
    <choice>
      <element name="placeName">
        <attribute name="xml:id"><text/></attribute>
        <attribute name="ref"><text/></attribute>
        <text/>
      </element>
      <element name="orgName">
        <attribute name="xml:id"><text/></attribute>
        <attribute name="ref"><text/></attribute>
        <text/>
      </element>
      <element name="name">
        <attribute name="xml:id"><text/></attribute>
        <attribute name="type">
          <choice><value>person</value><value>event</value><value>legal_instrument</value></choice>
        </attribute>
        <attribute name="ref"><text/></attribute>
        <text/>
      </element>
      <element name="date">
        <attribute name="xml:id"><text/></attribute>
        <!-- @when, or for a decade ("the 1970s") its first and last years as @from and @to. -->
        <choice>
          <attribute name="when"><ref name="data.isoDate"/></attribute>
          <group><attribute name="from"><data type="gYear"/></attribute><attribute name="to"><data type="gYear"/></attribute></group>
        </choice>
        <attribute name="ref"><text/></attribute>
        <text/>
      </element>
    </choice>
  </define>

  <!-- ===== Stand-off: each entity the document mentions, described once ===== -->

  <define name="standOff">
    <element name="standOff">
      <oneOrMore>
        <choice>
          <element name="listPlace">
            <oneOrMore>
              <element name="place">
                <attribute name="xml:id"><data type="NCName"/></attribute>
                <element name="placeName"><text/></element>
                <optional><ref name="wikidata"/></optional>
              </element>
            </oneOrMore>
          </element>
          <element name="listOrg">
            <oneOrMore>
              <element name="org">
                <attribute name="xml:id"><data type="NCName"/></attribute>
                <element name="orgName"><text/></element>
                <optional><ref name="wikidata"/></optional>
              </element>
            </oneOrMore>
          </element>
          <element name="listPerson">
            <oneOrMore>
              <element name="person">
                <attribute name="xml:id"><data type="NCName"/></attribute>
                <element name="persName"><text/></element>
                <optional><ref name="wikidata"/></optional>
              </element>
            </oneOrMore>
          </element>
          <element name="listEvent">
            <oneOrMore>
              <element name="event">
                <attribute name="xml:id"><data type="NCName"/></attribute>
                <element name="label"><text/></element>
                <optional><ref name="wikidata"/></optional>
              </element>
            </oneOrMore>
          </element>
          <!-- Legal instruments (treaties, acts, constitutions) are texts: described bibliographically. -->
          <element name="listBibl">
            <attribute name="type"><value>legal_instrument</value></attribute>
            <oneOrMore>
              <element name="bibl">
                <attribute name="xml:id"><data type="NCName"/></attribute>
                <attribute name="type"><value>legal_instrument</value></attribute>
                <element name="title"><text/></element>
                <optional><ref name="wikidata"/></optional>
              </element>
            </oneOrMore>
          </element>
          <!-- Dates: one item per date entity, holding the date in ISO 8601. -->
          <element name="list">
            <attribute name="type"><value>date</value></attribute>
            <oneOrMore>
              <element name="item">
                <attribute name="xml:id"><data type="NCName"/></attribute>
                <element name="date">
                  <choice>
                    <attribute name="when"><ref name="data.isoDate"/></attribute>
                    <group><attribute name="from"><data type="gYear"/></attribute><attribute name="to"><data type="gYear"/></attribute></group>
                  </choice>
                  <text/>
                </element>
                <optional><ref name="wikidata"/></optional>
              </element>
            </oneOrMore>
          </element>
        </choice>
      </oneOrMore>
    </element>
  </define>
</grammar>

"""#
}
