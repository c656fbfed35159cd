/// One attribute of an HTML element, as written (name lowercased).
package struct HTMLAttribute: Sendable, Hashable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One node of a parsed HTML document: an element or a run of text.
package struct HTMLNode: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case document
        case element
        case text
    }

    package var kind: Kind
    /// Lowercased tag name for elements; empty for text and the document.
    package var name: String
    package var attributes: [HTMLAttribute]
    /// Character data of a text node (entities already decoded); empty otherwise.
    package var text: String
    /// Index of the parent node in `HTMLTree.nodes`; nil for the document.
    package var parent: Int?
    /// Indexes of the children in `HTMLTree.nodes`, in document order.
    package var children: [Int]

    package init(
        kind: Kind, name: String = "", attributes: [HTMLAttribute] = [], text: String = "",
        parent: Int? = nil, children: [Int] = []
    ) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.text = text
        self.parent = parent
        self.children = children
    }

    /// The value of the first attribute with this (lowercase) name.
    package func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    package var isElement: Bool { kind == .element }
}

/// A parsed HTML document as plain Swift values.
///
/// Nodes are stored in a flat array in document (pre-)order: the document node is at
/// index 0 and every node's index is greater than its parent's. Walking the indexes
/// upwards visits parents before children; walking them downwards visits children
/// before parents, which lets callers aggregate over subtrees without recursion.
package struct HTMLTree: Sendable, Hashable {
    package private(set) var nodes: [HTMLNode]

    /// Index of the document node.
    package static let rootIndex = 0

    package init(nodes: [HTMLNode]) {
        self.nodes = nodes.isEmpty ? [HTMLNode(kind: .document)] : nodes
    }

    /// The node at this index, lent without a copy (`tree[i].name` reads one field).
    package subscript(index: Int) -> HTMLNode {
        _read { yield nodes[index] }
    }

    package var count: Int { nodes.count }

    // One field of a node, read without copying the node (hot loops over large pages).

    @inlinable package func kind(at index: Int) -> HTMLNode.Kind { nodes[index].kind }
    @inlinable package func name(at index: Int) -> String { nodes[index].name }
    @inlinable package func parent(at index: Int) -> Int? { nodes[index].parent }
    @inlinable package func text(at index: Int) -> String { nodes[index].text }
    @inlinable package func children(at index: Int) -> [Int] { nodes[index].children }
    @inlinable package func isElement(_ index: Int, named name: String) -> Bool {
        nodes[index].kind == .element && nodes[index].name == name
    }

    /// Indexes of the elements with this tag name, in document order.
    package func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// Index one past the last node of the subtree rooted at `index` (pre-order layout).
    package func subtreeEnd(of index: Int) -> Int {
        var end = index
        var current = index
        while let last = nodes[current].children.last {
            current = last
            end = last
        }
        return end + 1
    }

    /// True when `ancestor` is `index` or one of its ancestors.
    package func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        ancestor <= index && index < subtreeEnd(of: ancestor)
    }

    /// The text of a subtree, concatenated in document order, with no whitespace processing.
    package func rawText(of index: Int) -> String {
        var out = ""
        for i in index..<subtreeEnd(of: index) where nodes[i].kind == .text {
            out += nodes[i].text
        }
        return out
    }
}
