package dev.veil.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.model.TableProfile;

/**
 * A profile as a file ({@code veil-profile/1}, the form the workspace stores): what the Spark job
 * writes and {@code sample --from-profile} stores as a sampling run. Holds what a stored
 * sampling run holds, so no more of the data than the workspace keeps.
 */
public final class ProfileFile {

    private static final ObjectMapper SYNTAX = new ObjectMapper();

    private ProfileFile() {
    }

    /** The file's text. */
    public static String write(TableProfile profile) {
        return ProfileJson.write(profile) + "\n";
    }

    /**
     * Reads a profile file's text.
     *
     * @param where how messages name the file
     * @throws IllegalArgumentException naming the file and the problem when it is not a profile
     */
    public static TableProfile read(String text, String where) {
        try {
            SYNTAX.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own text may quote the input: only its place is passed on.
            long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(where + ":" + line + ": not valid JSON. Give a profile file the "
                    + "Spark job (dev.veil.spark.ProfileExport) wrote.", e);
        }
        try {
            return ProfileJson.read(text);
        } catch (ProfileJson.MalformedProfileException e) {
            throw new IllegalArgumentException(where + ": not a Veil profile (" + e.getMessage()
                    + "). Give a profile file the Spark job (dev.veil.spark.ProfileExport) wrote.", e);
        }
    }
}
