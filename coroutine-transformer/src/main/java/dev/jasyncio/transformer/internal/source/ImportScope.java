package dev.jasyncio.transformer.internal.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "does this simple name mean that class?" from a file's package, imports and own type declarations,
 * without a classpath.
 *
 * <p>Single-type imports and the file's own types decide outright. Otherwise the answer is yes when the class
 * is in the file's package or an imported package, no when some other on-demand import could supply the name
 * (Spring has an {@code @Async} too; {@code java.*} packages excepted), and yes when nothing else could: such a file only compiles if it means
 * the jasyncio class, and saying no there would hide real mistakes.
 */
public final class ImportScope {

    private final CompilationUnit unit;
    private final String packageName;
    /** Answers already given, keyed by qualified name: every @Async method of a file asks the same question. */
    private final Map<String, Boolean> answers = new HashMap<>();

    ImportScope(CompilationUnit unit) {
        this.unit = unit;
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    }

    /** Whether {@code simpleName} used as a type in this file refers to the class {@code qualifiedName}. */
    public boolean refersTo(String simpleName, String qualifiedName) {
        return answers.computeIfAbsent(qualifiedName, q -> resolve(simpleName, q));
    }

    @SuppressWarnings("rawtypes") // JavaParser's TypeDeclaration is generic in its own subtype
    private boolean resolve(String simpleName, String qualifiedName) {
        String wantedPackage = packageOf(qualifiedName);
        for (ImportDeclaration anImport : unit.getImports()) {
            if (!anImport.isStatic() && !anImport.isAsterisk()
                    && anImport.getName().getIdentifier().equals(simpleName)) {
                return anImport.getNameAsString().equals(qualifiedName);
            }
        }
        List<TypeDeclaration> declared = unit.findAll(TypeDeclaration.class,
                type -> type.getNameAsString().equals(simpleName));
        if (!declared.isEmpty()) {
            return packageName.equals(wantedPackage) && declared.stream().anyMatch(TypeDeclaration::isTopLevelType);
        }
        if (packageName.equals(wantedPackage) || importsPackage(wantedPackage)) {
            return true;
        }
        return unit.getImports().stream().noneMatch(i -> !i.isStatic() && i.isAsterisk()
                && !i.getNameAsString().startsWith("java."));
    }

    /** The single static import of a member named {@code member}, as {@code Type.member}, or {@code null}. */
    public String staticSingleImport(String member) {
        for (ImportDeclaration anImport : unit.getImports()) {
            if (anImport.isStatic() && !anImport.isAsterisk()
                    && anImport.getName().getIdentifier().equals(member)) {
                return anImport.getNameAsString();
            }
        }
        return null;
    }

    /** Whether the file imports every static member of {@code qualifiedType}. */
    public boolean importsStaticMembersOf(String qualifiedType) {
        return unit.getImports().stream()
                .anyMatch(i -> i.isStatic() && i.isAsterisk() && i.getNameAsString().equals(qualifiedType));
    }

    /** The file's package, empty for the unnamed package. */
    public String packageName() {
        return packageName;
    }

    private boolean importsPackage(String name) {
        return unit.getImports().stream()
                .anyMatch(i -> !i.isStatic() && i.isAsterisk() && i.getNameAsString().equals(name));
    }

    private static String packageOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }
}
